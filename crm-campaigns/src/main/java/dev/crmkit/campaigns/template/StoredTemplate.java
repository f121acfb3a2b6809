package dev.crmkit.campaigns.template;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * One version of a user-edited template as a {@link TemplateStore} keeps it. Immutable and thread-safe.
 *
 * @param template the template (name at most 100 characters, language at most 35, subject at most 1,000)
 * @param version  1 for the first version of a name and language, then 2, 3, ...
 */
public record StoredTemplate(MessageTemplate template, long version) {

    /** The longest name a store keeps. */
    public static final int MAX_NAME = 100;
    /** The longest language tag a store keeps. */
    public static final int MAX_LANGUAGE = 35;
    /** The longest subject a store keeps. */
    public static final int MAX_SUBJECT = 1000;

    /**
     * Validates the parts.
     *
     * @throws ValidationException naming {@code name}, {@code language} or {@code subject} when too long, or
     *                             {@code version} when below 1
     */
    public StoredTemplate {
        Objects.requireNonNull(template, "template");
        checkLength(template);
        if (version < 1) {
            throw ValidationException.of("version", "min", "a stored version is 1 or more, was " + version);
        }
    }

    /**
     * Checks the lengths a store keeps.
     *
     * @throws ValidationException naming the field that is too long
     */
    static void checkLength(MessageTemplate template) {
        check("name", template.name(), MAX_NAME);
        check("language", template.language(), MAX_LANGUAGE);
        check("subject", template.subject(), MAX_SUBJECT);
    }

    private static void check(String field, String value, int max) {
        if (value.length() > max) {
            throw ValidationException.of(field, "max-length", "is at most " + max + " characters, was "
                    + value.length());
        }
    }
}
