package dev.crmkit.core.kernel;

import java.util.Objects;

/**
 * One broken rule of one field of bad input.
 *
 * @param field   the field, as the caller named it ({@code email}, {@code customFields.budget})
 * @param rule    the rule, a short stable code ({@code required}, {@code format}, {@code max-length})
 * @param message a sentence for a person
 */
public record Violation(String field, String rule, String message) {

    /** Validates that all parts are present. */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** The same violation with the field placed under a prefix: {@code email} under {@code contact}. */
    public Violation under(String prefix) {
        return new Violation(prefix + "." + field, rule, message);
    }

    @Override
    public String toString() {
        return field + ": " + message + " [" + rule + "]";
    }
}
