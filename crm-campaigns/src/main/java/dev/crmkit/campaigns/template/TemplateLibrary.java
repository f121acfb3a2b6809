package dev.crmkit.campaigns.template;

import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved templates, by name and language. A template is checked when saved (valid Mustache, only known names, no
 * includes) and can be previewed with the variables' sample record before. Rendering picks the template of the
 * recipient's language, else of its primary language ({@code de} for {@code de-AT}), else the fallback (empty
 * language). Templates see only a map of values. Thread-safe.
 */
public final class TemplateLibrary {

    private final TemplateVariables variables;
    private final Map<String, Compiled> templates = new ConcurrentHashMap<>();

    /** An empty library whose templates may use the given names. */
    public TemplateLibrary(TemplateVariables variables) {
        this.variables = Objects.requireNonNull(variables, "variables");
    }

    /**
     * Saves a template, replacing the one of the same name and language.
     *
     * @throws ValidationException naming {@code subject} or {@code body} with every problem; nothing is saved then
     */
    public void save(MessageTemplate template) {
        templates.put(key(template.name(), template.language()), compile(template));
    }

    /**
     * The template filled in with the variables' sample record, without saving it.
     *
     * @throws ValidationException as {@link #save} does
     */
    public RenderedMessage preview(MessageTemplate template) {
        return compile(template).render(variables.sample());
    }

    /** The template used for a language: its own, its primary language's, or the fallback. */
    public Optional<MessageTemplate> find(String name, String language) {
        return compiled(name, language).map(Compiled::template);
    }

    /**
     * The template for the language filled in with the values; a known name without a value is empty.
     *
     * @throws IllegalArgumentException if there is no template of that name for the language nor a fallback
     */
    public RenderedMessage render(String name, String language, Map<String, ?> values) {
        Compiled compiled = compiled(name, language).orElseThrow(() -> new IllegalArgumentException(
                "no template '" + name + "' for language '" + language + "' and no fallback"));
        Map<String, Object> all = new LinkedHashMap<>();
        variables.sample().keySet().forEach(k -> all.put(k, ""));
        all.putAll(Objects.requireNonNull(values, "values"));
        return compiled.render(all);
    }

    /**
     * Checks the template as {@link #save} does, without saving it.
     *
     * @throws ValidationException naming {@code subject} or {@code body} and the rule broken
     */
    public void check(MessageTemplate template) {
        compile(Objects.requireNonNull(template, "template"));
    }

    /** Every saved template, ordered by name, then language (the fallback first). */
    public List<MessageTemplate> templates() {
        return templates.values().stream().map(Compiled::template)
                .sorted(java.util.Comparator.comparing(MessageTemplate::name)
                        .thenComparing(t -> t.language().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** The variables templates may use. */
    public TemplateVariables variables() {
        return variables;
    }

    private Optional<Compiled> compiled(String name, String language) {
        Objects.requireNonNull(name, "name");
        String tag = Objects.requireNonNull(language, "language").strip();
        Compiled exact = templates.get(key(name, tag));
        if (exact != null) {
            return Optional.of(exact);
        }
        String primary = Locale.forLanguageTag(tag).getLanguage();
        Compiled byPrimary = primary.isEmpty() ? null : templates.get(key(name, primary));
        return Optional.ofNullable(byPrimary != null ? byPrimary : templates.get(key(name, "")));
    }

    private static String key(String name, String language) {
        return name + "|" + language.toLowerCase(Locale.ROOT);
    }

    private Compiled compile(MessageTemplate template) {
        List<Violation> violations = new ArrayList<>();
        Template subject = check("subject", template.subject(), violations);
        Template body = check("body", template.body(), violations);
        ValidationException.throwIfAny(violations);
        return new Compiled(template, subject, body);
    }

    private Template check(String field, String text, List<Violation> violations) {
        Template compiled;
        try {
            compiled = TemplateEngine.compile(text);
        } catch (MustacheException e) {
            violations.add(new Violation(field, "template-syntax", "is not a valid template: " + e.getMessage()));
            return null;
        }
        for (String name : TemplateEngine.names(compiled)) {
            if (name.startsWith(">")) {
                violations.add(new Violation(field, "no-include", "cannot include another template ({{"
                        + name + "}})"));
            } else if (!variables.contains(name)) {
                violations.add(new Violation(field, "known-variable", "uses '" + name + "', which is not a "
                        + "variable; known: " + String.join(", ", variables.sample().keySet())));
            }
        }
        return compiled;
    }

    private record Compiled(MessageTemplate template, Template subject, Template body) {
        RenderedMessage render(Map<String, ?> values) {
            return new RenderedMessage(template.name(), template.language(), TemplateEngine.render(subject, values)
                    .strip(), TemplateEngine.render(body, values));
        }
    }
}
