package dev.crmkit.core.kernel;

/**
 * Thrown by a store when a write is based on a version of a record that is no longer the current one: somebody else
 * changed it first. The write changed nothing; re-read the record, apply the change again and save (see the README's
 * retry pattern).
 */
public final class StaleVersionException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final String recordType;
    private final String recordId;
    private final long expectedVersion;

    /** Creates the exception for the record and the version the write expected. */
    public StaleVersionException(String recordType, String recordId, long expectedVersion) {
        super(recordType + " " + recordId + " was changed by someone else: the write expected version "
                + expectedVersion + ", re-read it and try again", null);
        this.recordType = recordType;
        this.recordId = recordId;
        this.expectedVersion = expectedVersion;
    }

    /** The kind of record, for example {@code contact}. */
    public String recordType() {
        return recordType;
    }

    /** The id of the record. */
    public String recordId() {
        return recordId;
    }

    /** The version the write was based on. */
    public long expectedVersion() {
        return expectedVersion;
    }
}
