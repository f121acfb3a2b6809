package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.StoredTemplate;
import dev.crmkit.campaigns.template.TemplateStore;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.kit.archive.Archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * User-edited templates in memory, every version kept, keyed by name and language in code-point order. Needs
 * crm-campaigns on the class path (optional here). Thread-safe.
 */
public final class InMemoryTemplateStore implements TemplateStore {

    private static final Comparator<List<String>> KEY_ORDER = Comparator
            .comparing((List<String> k) -> k.get(0), Archive::compareKeys)
            .thenComparing(k -> k.get(1), Archive::compareKeys);

    private final TreeMap<List<String>, List<StoredTemplate>> versions = new TreeMap<>(KEY_ORDER);

    /** An empty store. */
    public InMemoryTemplateStore() {
    }

    @Override
    public synchronized StoredTemplate save(MessageTemplate template, long expectedVersion) {
        Objects.requireNonNull(template, "template");
        List<StoredTemplate> own = versions.getOrDefault(key(template.name(), template.language()), List.of());
        StoredTemplate next = new StoredTemplate(template, expectedVersion + 1);
        if (own.size() != expectedVersion) {
            throw new StaleVersionException("template", template.name() + "/" + template.language(),
                    expectedVersion);
        }
        versions.computeIfAbsent(key(template.name(), template.language()), k -> new ArrayList<>()).add(next);
        return next;
    }

    @Override
    public synchronized Optional<StoredTemplate> current(String name, String language) {
        List<StoredTemplate> own = versions.getOrDefault(key(name, language), List.of());
        return own.isEmpty() ? Optional.empty() : Optional.of(own.get(own.size() - 1));
    }

    @Override
    public synchronized List<StoredTemplate> history(String name, String language) {
        return List.copyOf(versions.getOrDefault(key(name, language), List.of()));
    }

    @Override
    public synchronized List<StoredTemplate> currents() {
        return versions.values().stream().map(v -> v.get(v.size() - 1)).toList();
    }

    private static List<String> key(String name, String language) {
        return List.of(Objects.requireNonNull(name, "name"), Objects.requireNonNull(language, "language"));
    }
}
