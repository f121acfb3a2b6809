package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.Violation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An import record read as a lead submission. Immutable.
 *
 * @param record      the record as read
 * @param submission  the submission; when the source could not be read its channel is {@code IMPORT}
 * @param submittedAt when the lead was submitted, if the file says so
 * @param problems      what the file got wrong before capture could look at it (an unknown source, a bad time),
 *                      each naming the column; empty when none
 * @param unknownSource whether the {@code source} label named no known channel and was kept as it was (the lead
 *                      goes to channel {@code other} with the label as its source detail); counted by
 *                      {@link ImportTally#unknownSources()}
 */
public record MappedRow(CsvRecord record, LeadSubmission submission, Optional<Instant> submittedAt,
                        List<Violation> problems, boolean unknownSource) {

    /** Copies the problems. */
    public MappedRow {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(submittedAt, "submittedAt");
        problems = List.copyOf(problems);
    }

    /** A row whose source, if any, named a known channel. */
    public MappedRow(CsvRecord record, LeadSubmission submission, Optional<Instant> submittedAt,
                     List<Violation> problems) {
        this(record, submission, submittedAt, problems, false);
    }
}
