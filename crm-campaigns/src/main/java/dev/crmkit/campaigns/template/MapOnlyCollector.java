package dev.crmkit.campaigns.template;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's view of a value: a name is looked up in a {@link Map} and nowhere else, so a template can neither call
 * a method nor read a field or a class of any value (JMustache's default collector would, by reflection).
 */
final class MapOnlyCollector extends BasicCollector {

    @Override
    public Mustache.VariableFetcher createFetcher(Object ctx, String name) {
        return ctx instanceof Map ? super.createFetcher(ctx, name) : null;
    }

    @Override
    public <K, V> Map<K, V> createFetcherCache() {
        return new ConcurrentHashMap<>();
    }
}
