package dev.crmkit.campaigns.template;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A user-editable message: a subject and a body in one language, written as Mustache templates over named values
 * ({@code Hello {{first_name}}}). The template with the empty language is the fallback for every language that has
 * none of its own. Whether the text is a valid template over known names is checked when it is
 * {@linkplain TemplateLibrary#save saved}. Immutable and thread-safe.
 *
 * @param name     the template's name, lower-case letters, digits and dashes ({@code birthday-offer})
 * @param language a language tag ({@code de}, {@code en-GB}), or empty for the fallback
 * @param subject  the subject line's template, one line
 * @param body     the body's template
 */
public record MessageTemplate(String name, String language, String subject, String body) {

    /**
     * Validates the parts, listing every problem.
     *
     * @throws ValidationException naming {@code name}, {@code language}, {@code subject} or {@code body}
     */
    public MessageTemplate {
        Objects.requireNonNull(name, "name");
        language = Objects.requireNonNull(language, "language").strip();
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        List<Violation> violations = new ArrayList<>();
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            violations.add(new Violation("name", "format", "must be lower-case letters, digits and single dashes, "
                    + "was '" + name + "'"));
        }
        if (!language.isEmpty() && !Locale.forLanguageTag(language).toLanguageTag().equalsIgnoreCase(language)) {
            violations.add(new Violation("language", "language-tag", "must be a language tag such as de or en-GB, "
                    + "or empty for the fallback, was '" + language + "'"));
        }
        if (subject.isBlank() || subject.contains("\n") || subject.contains("\r")) {
            violations.add(new Violation("subject", "one-line", "must be one line of text, not empty"));
        }
        if (body.isBlank()) {
            violations.add(new Violation("body", "required", "must not be empty"));
        }
        ValidationException.throwIfAny(violations);
    }
}
