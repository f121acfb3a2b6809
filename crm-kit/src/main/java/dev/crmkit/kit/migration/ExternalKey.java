package dev.crmkit.kit.migration;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * A record as another CRM knows it: the system it comes from, its type and its id there. Immutable and thread-safe.
 *
 * @param system   the source system's name, as the mapping file gives it ({@code pipedrive}); 1 to
 *                 {@value #MAX_SYSTEM} characters, not blank
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
     *                             {@code max-length})
     */
    public ExternalKey {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sourceId, "sourceId");
        check("system", system, MAX_SYSTEM);
        check("sourceId", sourceId, MAX_SOURCE_ID);
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
}
