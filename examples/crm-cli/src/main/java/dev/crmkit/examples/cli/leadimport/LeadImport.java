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
 * <p>Rows are captured in chunks of {@link #batchSize()} rows, each chunk in one unit of work of the store (the
 * captures join it), so a database store commits once per chunk. The listener hears of a chunk's rows only after the
 * chunk committed. If a chunk fails (a database error, any exception from the store), the whole chunk is rolled back
 * and the import stops with an {@link ImportStoppedException} naming the lines that were not imported; the chunks
 * before it stay imported. Running the same import again completes it: rows with an external id that were imported
 * are recognized as captured before.
 *
 * <p>Not thread-safe: it moves the shared clock.
 */
public final class LeadImport {

    /** The rows per chunk unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    /** How often a chunk runs in all when the database aborts it to resolve a conflict with a concurrent writer. */
    private static final int CHUNK_ATTEMPTS = 3;

    private final Crm crm;
    private final MutableClock clock;
    private final int batchSize;

    /**
     * An import into {@code crm} in chunks of {@value #DEFAULT_BATCH_SIZE} rows.
     *
     * @param clock the clock {@code crm} was built with
     * @throws IllegalArgumentException if {@code crm} uses another clock
     */
    public LeadImport(Crm crm, MutableClock clock) {
        this(crm, clock, DEFAULT_BATCH_SIZE);
    }

    /**
     * An import into {@code crm}.
     *
     * @param clock     the clock {@code crm} was built with
     * @param batchSize the rows captured in one unit of work, at least 1
     * @throws IllegalArgumentException if {@code crm} uses another clock or the batch size is below 1
     */
    public LeadImport(Crm crm, MutableClock clock, int batchSize) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (crm.clock() != clock) {
            throw new IllegalArgumentException("the import moves the clock crmkit reads; build Crm with this clock");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** The rows captured in one unit of work. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Reads every row of a CSV stream (UTF-8, with a header) and captures it, chunk by chunk.
     *
     * @param listener told about the header, and about every row once its chunk committed
     * @return the counts of outcomes
     * @throws IllegalArgumentException     if the header is missing or names a column twice
     * @throws java.io.UncheckedIOException if the stream cannot be read or is not CSV; the rows before the bad one
     *                                      are imported
     * @throws ImportStoppedException       if a chunk failed in the store: it was rolled back, the chunks before it
     *                                      stay imported
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
            boolean more = true;
            while (more) {
                List<MappedRow> chunk = new ArrayList<>(Math.min(batchSize, 4096));
                RuntimeException unreadable = null;
                try {
                    while (chunk.size() < batchSize && (more = records.hasNext())) {
                        chunk.add(mapper.map(records.next()));
                    }
                } catch (RuntimeException e) { // the rows read before the bad one are still imported
                    unreadable = e;
                    more = false;
                }
                if (!chunk.isEmpty()) {
                    List<CaptureOutcome> outcomes = captureChunk(chunk, tally);
                    for (int i = 0; i < chunk.size(); i++) {
                        everyone.imported(chunk.get(i), outcomes.get(i));
                    }
                }
                if (unreadable != null) {
                    throw unreadable;
                }
            }
        } finally {
            clock.reset();
        }
        everyone.finished();
        return tally;
    }

    /** Captures the rows in one unit of work and returns their outcomes, in order, once it committed. */
    private List<CaptureOutcome> captureChunk(List<MappedRow> chunk, ImportTally before) {
        try {
            return crm.store().transactions().inTransactionRetrying(CHUNK_ATTEMPTS, () -> {
                List<CaptureOutcome> outcomes = new ArrayList<>(chunk.size());
                for (MappedRow row : chunk) {
                    outcomes.add(capture(row));
                }
                return outcomes;
            });
        } catch (RuntimeException e) {
            throw new ImportStoppedException(chunk.get(0).record().line(), chunk.get(chunk.size() - 1).record().line(),
                    chunk.size(), before, e);
        } finally {
            clock.reset();
        }
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
