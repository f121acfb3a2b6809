package dev.crmkit.campaigns.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The sandboxed JMustache: plain text (no HTML escaping), an empty value false in a section, no partials (a template
 * cannot load another), names looked up in maps only ({@link MapOnlyCollector}), a missing name an error, and every
 * value copied to plain strings, numbers, booleans, lists and maps before the engine sees it (so a value cannot be a
 * lambda or any other code).
 */
final class TemplateEngine {

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .emptyStringIsFalse(true)
            .withCollector(new MapOnlyCollector())
            .withLoader(name -> {
                throw new MustacheException("a template cannot include another ({{> " + name + "}})");
            });

    private TemplateEngine() {
    }

    /** The compiled text. @throws MustacheException if it is not a valid template */
    static Template compile(String text) {
        return COMPILER.compile(Objects.requireNonNull(text, "text"));
    }

    /** Every name a template uses, as a variable or a section, in order of first use. */
    static Set<String> names(Template template) {
        Set<String> names = new LinkedHashSet<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
                // text has no names
            }

            @Override
            public void visitVariable(String name) {
                names.add(name);
            }

            @Override
            public boolean visitInclude(String name) {
                names.add(">" + name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                names.add(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                names.add(name);
                return true;
            }
        });
        return names;
    }

    /** The template run over a plain copy of the values. @throws MustacheException for a missing name */
    static String render(Template template, Map<String, ?> values) {
        return template.execute(plain(values));
    }

    /** A copy holding only strings, numbers, booleans, lists and string-keyed maps; anything else as its text. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value == null ? "" : value;
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value.toString();
    }
}
