package dev.crmkit.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * One field's value before and after a change, as text; an absent side means the field had (or has) no value.
 * Immutable and thread-safe.
 *
 * @param field  the field's name ({@code emails}, {@code customFields.margin})
 * @param before the value before, if any
 * @param after  the value after, if any
 */
public record FieldChange(String field, Optional<String> before, Optional<String> after) {

    /** Validates presence. */
    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (field.isBlank()) {
            throw new IllegalArgumentException("a field change names its field");
        }
    }

    /** A change from one text to another, where an empty text stands for no value. */
    public static FieldChange of(String field, String before, String after) {
        return new FieldChange(field, Optional.of(before).filter(s -> !s.isEmpty()),
                Optional.of(after).filter(s -> !s.isEmpty()));
    }

    @Override
    public String toString() {
        return field + ": " + before.orElse("(none)") + " -> " + after.orElse("(none)");
    }
}
