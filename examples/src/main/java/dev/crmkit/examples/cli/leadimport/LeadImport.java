package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.examples.MutableClock;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Imports leads from a CSV stream into crmkit, row by row through {@link dev.crmkit.core.capture.LeadCapture}: each
 * row is captured, folded into an open lead, recognized as captured before, or rejected whole with every reason.
 * A row with a {@code submitted_at} time is captured with the clock set to that time, so its timeline and its
 * follow-up task are dated as if it had arrived then; afterwards the clock follows its base again.
 *
 * <p>Not thread-safe: it moves the shared clock.
 */
public final class LeadImport {

    private final Crm crm;
    private final MutableClock clock;

    /**
     * An import into {@code crm}.
     *
     * @param clock the clock {@code crm} was built with
     * @throws IllegalArgumentException if {@code crm} uses another clock
     */
    public LeadImport(Crm crm, MutableClock clock) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (crm.clock() != clock) {
            throw new IllegalArgumentException("the import moves the clock crmkit reads; build Crm with this clock");
        }
    }

    /**
     * Reads every row of a CSV stream (UTF-8, with a header) and captures it.
     *
     * @param listener told about the header and every row
     * @return the counts of outcomes
     * @throws IllegalArgumentException        if the header is missing or names a column twice
     * @throws java.io.UncheckedIOException if the stream cannot be read or is not CSV
     */
    public ImportTally run(InputStream in, ImportListener listener) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(listener, "listener");
        ImportTally tally = new ImportTally();
        ImportListener everyone = tally.andThen(listener);
        try (CsvRecords records = CsvRecords.open(in)) {
            LeadColumns columns = LeadColumns.of(records.header(),
                    crm.store().customFieldSchemas().schemaFor(RecordType.LEAD));
            LeadRowMapper mapper = new LeadRowMapper(columns, clock.getZone());
            everyone.started(columns);
            while (records.hasNext()) {
                MappedRow row = mapper.map(records.next());
                everyone.imported(row, capture(row));
            }
        } finally {
            clock.reset();
        }
        everyone.finished();
        return tally;
    }

    private CaptureOutcome capture(MappedRow row) {
        if (!row.problems().isEmpty()) {
            List<Violation> all = new ArrayList<>(row.problems());
            all.addAll(crm.capture().normalize(row.submission()).violations());
            return new CaptureOutcome.Rejected(all);
        }
        row.submittedAt().ifPresentOrElse(clock::set, clock::reset);
        return crm.capture().capture(row.submission());
    }
}
