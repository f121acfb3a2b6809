package dev.crmkit.kit.migration;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * A record as another CRM knows it: the system it comes from, its type and its id there. Immutable and thread-safe.
 *
 * @param system   the source system's name, as the mapping file gives it ({@code pipedrive}); 1 to
 *                 {@value #MAX_SYSTEM} characters, not blank, no control characters
 * @param type     the type of record
 * @param sourceId the record's id in the source system; 1 to {@value #MAX_SOURCE_ID} characters, not blank, kept
 *                 exactly as written
 */
public record ExternalKey(String system, SourceType type, String sourceId) {

    /** The longest system name accepted. */
    public static final int MAX_SYSTEM = 100;

    /** The longest source id accepted. */
    public static final int MAX_SOURCE_ID = 255;

    /**
     * Checks the values.
     *
     * @throws ValidationException naming {@code system} or {@code sourceId} and the rule ({@code required},
     *                             {@code max-length}; {@code printable} for a control character in the system)
     */
    public ExternalKey {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sourceId, "sourceId");
        check("system", system, MAX_SYSTEM);
        check("sourceId", sourceId, MAX_SOURCE_ID);
        if (system.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("system", "printable", "a system name has no control characters");
        }
    }

    private static void check(String field, String value, int max) {
        if (value.isBlank()) {
            throw ValidationException.of(field, "required", field + " must not be blank");
        }
        if (value.length() > max) {
            throw ValidationException.of(field, "max-length", field + " is at most " + max + " characters, got "
                    + value.length());
        }
    }

    /** {@code system/type/sourceId}, for messages. */
    @Override
    public String toString() {
        return system + "/" + type.code() + "/" + sourceId;
    }

    /**
     * The key as one text, {@code system U+0001 type U+0001 sourceId}: texts of two keys compare by code point as
     * the keys do part by part (system, then type, then source id), since no system or type holds a U+0001. The
     * order of external ids in an export.
     */
    public String text() {
        return system + SEPARATOR + type.code() + SEPARATOR + sourceId;
    }

    /**
     * Reads {@link #text()} back.
     *
     * @throws IllegalArgumentException if the text is not such a key
     */
    public static ExternalKey parse(String text) {
        int first = text.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : text.indexOf(SEPARATOR, first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("an external key's text is system, type and source id separated by "
                    + "U+0001");
        }
        return new ExternalKey(text.substring(0, first),
                SourceType.valueOf(text.substring(first + 1, second).toUpperCase(java.util.Locale.ROOT)),
                text.substring(second + 1));
    }

    private static final char SEPARATOR = '\u0001';
}
