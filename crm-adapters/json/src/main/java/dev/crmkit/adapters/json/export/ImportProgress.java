package dev.crmkit.adapters.json.export;

/**
 * A batch of an import has committed.
 *
 * @param recordType the record type being restored
 * @param done       how many of its records are dealt with (restored, kept or rejected), earlier runs included
 * @param total      how many records of the type the export holds
 */
public record ImportProgress(String recordType, long done, long total) {
}
