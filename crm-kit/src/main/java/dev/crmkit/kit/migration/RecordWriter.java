package dev.crmkit.kit.migration;

import java.util.Optional;

/**
 * Turns one row of a record type into a crmkit record and writes it in the running unit of work. A row with problems
 * (collected in {@link Row#problems}) writes nothing and lands nowhere; a broken invariant of the record may also be
 * thrown as a {@link dev.crmkit.core.kernel.ValidationException}, before anything is written.
 */
interface RecordWriter {

    /** Writes the row's record, or nothing when the row has problems. */
    Optional<Landing> write(Row row, Run run);
}
