package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordType;

import java.util.Objects;

/**
 * One field of a record type, a built-in one ({@code lostReason}) or a custom one ({@code customFields.margin}).
 * Immutable and thread-safe.
 *
 * @param type  the record type
 * @param field the field's name
 */
public record FieldRef(RecordType type, String field) {

    /** Validates the parts. */
    public FieldRef {
        Objects.requireNonNull(type, "type");
        TeamId.Names.check(Objects.requireNonNull(field, "field"), "field");
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + "." + field;
    }
}
