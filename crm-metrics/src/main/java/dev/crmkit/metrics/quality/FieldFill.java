package dev.crmkit.metrics.quality;

import dev.crmkit.metrics.funnel.Ratio;

/**
 * How well one field of one record type is filled. Immutable and thread-safe.
 *
 * @param recordType the type of record
 * @param field      the field
 * @param required   whether the field is required
 * @param records    the records that have the field
 * @param filled     those where it holds a value
 */
public record FieldFill(String recordType, String field, boolean required, long records, long filled) {

    /** The fill rate, filled / records. */
    public Ratio rate() {
        return Ratio.of(filled, records);
    }

    /** The records where it is empty. */
    public long empty() {
        return records - filled;
    }
}
