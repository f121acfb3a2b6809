package dev.crmkit.metrics.quality;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which fields of one record are filled: the record's type ({@code lead}, {@code contact}, ...), its owner, and for
 * every field the fill rates look at, whether it holds a value. Immutable and thread-safe.
 *
 * @param recordType the type of record, not blank
 * @param owner      its owner, if any
 * @param fields     every field looked at, true when it holds a value
 */
public record RecordFill(String recordType, Optional<String> owner, Map<String, Boolean> fields) {

    /**
     * Validates the record.
     *
     * @throws ValidationException naming {@code recordType} when blank
     */
    public RecordFill {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(owner, "owner");
        fields = Map.copyOf(fields);
        if (recordType.isBlank()) {
            throw ValidationException.of("recordType", "required", "must not be blank");
        }
    }
}
