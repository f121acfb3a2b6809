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

    /** The longest message, and twice the longest field name, {@link #toString()} shows. */
    static final int MAX_SHOWN = 300;

    /**
     * {@code field: message [rule]}, on one line and bounded: a field name or message made of long input is cut
     * (see {@link BadValue#abbreviate}).
     */
    @Override
    public String toString() {
        return BadValue.abbreviate(field, MAX_SHOWN / 2) + ": " + BadValue.abbreviate(message, MAX_SHOWN) + " ["
                + BadValue.abbreviate(rule, MAX_SHOWN / 2) + "]";
    }
}
