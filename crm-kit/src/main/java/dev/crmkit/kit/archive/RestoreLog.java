package dev.crmkit.kit.archive;

import java.util.Optional;

/**
 * How far the restore of an export has come in a store, per record type: the key of the last record restored. A
 * restore writes it in the unit of work of each batch of records, so after a crash the log and the records agree, and
 * the restore goes on after that key without writing a record twice. Implementations are thread-safe and take part in
 * the running unit of work.
 */
public interface RestoreLog {

    /** Whether any progress of this export is recorded: its restore has begun in this store. */
    boolean begun(String export);

    /** The key of the last record of a type restored from this export, if any. */
    Optional<String> lastKey(String export, String recordType);

    /**
     * Records that the records of a type up to this key are restored from the export, in the running unit of work.
     *
     * @param export     the export's identity (the SHA-256 of its manifest), at most 64 characters
     * @param recordType the record type's name in the export, at most 100 characters
     * @param lastKey    the key of the last record restored, at most 1,000 characters
     */
    void advance(String export, String recordType, String lastKey);
}
