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

    /**
     * Reads what {@link #toString()} writes: the record type's name in lower case, a dot, then the field
     * ({@code contact.lostReason}, {@code deal.customFields.margin}).
     *
     * @throws IllegalArgumentException if the text has no record type before its first dot, or names no record type
     */
    public static FieldRef parse(String text) {
        Objects.requireNonNull(text, "text");
        int dot = text.indexOf('.');
        String typeName = dot > 0 ? text.substring(0, dot).toUpperCase(java.util.Locale.ROOT) : "";
        for (RecordType type : RecordType.values()) {
            if (type.name().equals(typeName)) {
                return new FieldRef(type, text.substring(dot + 1));
            }
        }
        throw new IllegalArgumentException(
                "field: a field reference is a record type (contact, company, lead, deal), a dot and a field name");
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + "." + field;
    }
}
