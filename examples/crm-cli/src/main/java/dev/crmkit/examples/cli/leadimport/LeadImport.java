package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.BulkCapture;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.customfield.CustomFieldSchema;
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
 * captures join it), so a database store commits once per chunk. By default a chunk is captured at once
 * ({@link dev.crmkit.core.capture.BulkCapture}), with the outcomes of capturing its rows one by one; the next chunk
 * is read and then normalized on a helper thread ({@link PrepareAhead}) while this one's statements run (preparing
 * reads no clock, so the clock set for this chunk's rows does not reach it). The listener
 * hears of a chunk's rows only after the chunk committed. A chunk whose preparation failed is captured as a chunk
 * that failed is. If a chunk fails (a database error, any exception from the store), the whole chunk is rolled back
 * and its rows are captured again one by one, each in its own unit of work, so that one row the store cannot take
 * blocks no other: a row that fails twice on its own while the store still answers is rejected with rule
 * {@code store-failure}. If the store does not answer any more, or refuses every row of the chunk one by one, the
 * import stops with an {@link ImportStoppedException} naming the lines that were not imported; every row before them
 * is imported or rejected. (A chunk of one row cannot tell its row's fault from the store's: with a batch size of 1
 * a row the store refuses while it answers reads is rejected.) Running the same import again completes it: rows with an external id that were imported are recognized
 * as captured before.
 *
 * <p>{@link #check} reads a whole file before anything is stored: a file that cannot be decoded, is not well-formed
 * CSV or is not a lead file is refused by it, so an import never stops half-way over the file itself.
 *
 * <p>Not thread-safe: it moves the shared clock. The helper thread ends before {@code run} returns or throws.
 */
public final class LeadImport {

    /** The rows per chunk unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    /** How often a chunk runs in all when the database aborts it to resolve a conflict with a concurrent writer. */
    private static final int CHUNK_ATTEMPTS = 3;

    private final Crm crm;
    private final MutableClock clock;
    private final int batchSize;
    private final boolean bulk;

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
        this(crm, clock, batchSize, true);
    }

    /**
     * An import into {@code crm}, with each chunk captured at once ({@link dev.crmkit.core.capture.BulkCapture}: one
     * read per kind of key, multi-row key claims, batched rows) or row by row; the outcomes are the same.
     *
     * @param clock     the clock {@code crm} was built with
     * @param batchSize the rows captured in one unit of work, at least 1
     * @param bulk      whether a chunk is captured at once
     * @throws IllegalArgumentException if {@code crm} uses another clock or the batch size is below 1
     */
    public LeadImport(Crm crm, MutableClock clock, int batchSize, boolean bulk) {
        this.bulk = bulk;
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
     * Reads a whole lead CSV file without storing anything: every byte must decode in the format's encoding, every
     * record must be well-formed, and the header must name at least one lead column and no column twice.
     *
     * @return the rows of the file (records after the header)
     * @throws IllegalArgumentException     if the file is empty, is not a lead CSV file or names a column twice
     * @throws java.io.UncheckedIOException if it cannot be read, holds a byte that is not valid in the encoding (the
     *                                      message names its line and byte offset) or is malformed CSV (the message
     *                                      names the line)
     */
    public static long check(InputStream in, CsvFormat format) {
        try (CsvRecords records = CsvRecords.open(in, format)) {
            LeadColumns.of(records.header(), CustomFieldSchema.of(RecordType.LEAD));
            long rows = 0;
            while (records.hasNext()) {
                records.next();
                rows++;
            }
            return rows;
        }
    }

    /**
     * Reads every row of a UTF-8 CSV stream with a header and captures it, chunk by chunk.
     *
     * @see #run(InputStream, CsvFormat, ImportListener)
     */
    public ImportTally run(InputStream in, ImportListener listener) {
        return run(in, CsvFormat.UTF_8, listener);
    }

    /**
     * Reads every row of a CSV stream with a header and captures it, chunk by chunk.
     *
     * @param format   the stream's encoding and delimiter
     * @param listener told about the header, and about every row once it committed
     * @return the counts of outcomes
     * @throws IllegalArgumentException     if the header is missing, names no lead column or names a column twice
     * @throws java.io.UncheckedIOException if the stream cannot be read, cannot be decoded or is not CSV; the rows
     *                                      before the bad one are imported ({@link #check} first to avoid that)
     * @throws ImportStoppedException       if the store stopped answering: the rows before the lines it names are
     *                                      imported or rejected, none of the others
     */
    public ImportTally run(InputStream in, CsvFormat format, ImportListener listener) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(listener, "listener");
        ImportTally tally = new ImportTally();
        ImportListener everyone = tally.andThen(listener);
        try (CsvRecords records = CsvRecords.open(in, format);
             PrepareAhead ahead = new PrepareAhead("crm-import-prepare")) {
            LeadColumns columns = LeadColumns.of(records.header(),
                    crm.store().customFieldSchemas().schemaFor(RecordType.LEAD));
            LeadRowMapper mapper = new LeadRowMapper(columns, clock.getZone());
            everyone.started(columns);
            Chunk next = read(records, mapper, ahead);
            while (next != null) {
                Chunk chunk = next;
                // the next chunk is read here and prepared on the helper thread while this one is captured
                next = chunk.more() ? read(records, mapper, ahead) : null;
                if (!chunk.rows().isEmpty()) {
                    importChunk(chunk, tally, everyone);
                }
                if (chunk.unreadable() != null) {
                    throw chunk.unreadable();
                }
            }
        } finally {
            clock.reset();
        }
        everyone.finished();
        return tally;
    }

    /**
     * The rows of a chunk, its runs, and its runs' bulk capture being prepared ahead.
     *
     * @param prepared   each run of consecutive rows submitted at the same time, prepared on the helper thread
     *                   (see {@link #runsOf}); null when the chunk is captured row by row
     * @param unreadable what stopped the reading of the file after these rows, if anything
     * @param more       whether the file may hold more rows
     */
    private record Chunk(List<MappedRow> rows, List<Run> runs,
                         PrepareAhead.Pending<List<BulkCapture.Prepared>> prepared, RuntimeException unreadable,
                         boolean more) {
    }

    /**
     * Consecutive rows of a chunk captured at once: submitted at the same time (or all without a time); or one row the
     * mapping refused.
     */
    private record Run(int from, int to, boolean refused) {
    }

    /** Reads the next chunk of rows and starts preparing its bulk capture on the helper thread. */
    private Chunk read(CsvRecords records, LeadRowMapper mapper, PrepareAhead ahead) {
        List<MappedRow> rows = new ArrayList<>(Math.min(batchSize, 4096));
        RuntimeException unreadable = null;
        boolean more = true;
        try {
            while (rows.size() < batchSize && (more = records.hasNext())) {
                rows.add(mapper.map(records.next()));
            }
        } catch (RuntimeException e) { // the rows read before the bad one are still imported
            unreadable = e;
            more = false;
        }
        if (!bulk || rows.size() < 2) {
            return new Chunk(rows, null, null, unreadable, more);
        }
        List<Run> runs = runsOf(rows);
        List<List<LeadSubmission>> submissions = runs.stream().filter(run -> !run.refused())
                .map(run -> rows.subList(run.from(), run.to()).stream().map(MappedRow::submission).toList())
                .toList();
        // prepare reads no clock (BulkCapture#prepare): the clock this thread sets for a run does not reach it
        BulkCapture capture = crm.bulkCapture();
        return new Chunk(rows, runs, ahead.start(() -> capture.prepareEach(submissions)), unreadable, more);
    }

    /** The runs of a chunk, in order. */
    private static List<Run> runsOf(List<MappedRow> rows) {
        List<Run> runs = new ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            MappedRow first = rows.get(from);
            int to = from + 1;
            if (first.problems().isEmpty()) {
                while (to < rows.size() && rows.get(to).problems().isEmpty()
                        && rows.get(to).submittedAt().equals(first.submittedAt())) {
                    to++;
                }
            }
            runs.add(new Run(from, to, !first.problems().isEmpty()));
            from = to;
        }
        return runs;
    }

    /**
     * Captures the chunk in one unit of work; if that fails, or its preparation on the helper thread failed, row by
     * row. Tells the listener once rows committed.
     */
    private void importChunk(Chunk chunk, ImportTally tally, ImportListener everyone) {
        List<CaptureOutcome> outcomes;
        try {
            List<BulkCapture.Prepared> prepared = chunk.prepared() == null ? null : chunk.prepared().get();
            outcomes = inOneUnit(chunk.rows(), chunk.runs(), prepared);
        } catch (RuntimeException chunkFailed) {
            importRowByRow(chunk.rows(), tally, everyone);
            return;
        }
        tell(chunk.rows(), outcomes, everyone);
    }

    /**
     * Captures each row of a chunk that failed whole in its own unit of work. A row that fails twice while the store
     * still answers is to blame and is rejected; when the store does not answer, or refuses every row of the chunk
     * one by one (no single row is to blame then: a database gone read-only, say), the import stops.
     */
    private void importRowByRow(List<MappedRow> chunk, ImportTally tally, ImportListener everyone) {
        List<CaptureOutcome> outcomes = new ArrayList<>(chunk.size());
        RuntimeException refusal = null;
        for (int i = 0; i < chunk.size(); i++) {
            MappedRow row = chunk.get(i);
            try {
                outcomes.add(inOneUnitTwice(row));
            } catch (RuntimeException failed) {
                if (!storeAnswers()) {
                    tell(chunk.subList(0, i), outcomes, everyone);
                    throw new ImportStoppedException(row.record().line(),
                            chunk.get(chunk.size() - 1).record().line(), chunk.size() - i, tally, failed);
                }
                refusal = failed;
                outcomes.add(new CaptureOutcome.Rejected(List.of(new Violation("row", "store-failure",
                        "the store refused this row while it took the others ("
                                + ImportStoppedException.causeText(failed) + ")"))));
            }
        }
        boolean everyRowRefused = outcomes.stream().allMatch(o -> o instanceof CaptureOutcome.Rejected r
                && r.violations().get(0).rule().equals("store-failure"));
        if (everyRowRefused && chunk.size() > 1) {
            throw new ImportStoppedException(chunk.get(0).record().line(),
                    chunk.get(chunk.size() - 1).record().line(), chunk.size(), tally, refusal);
        }
        tell(chunk, outcomes, everyone);
    }

    /**
     * Captures one row in its own unit of work: tried twice, and again while the failure is a lost connection (SQL
     * state class 08, or 57P01-57P03: the server ended the session), up to {@value #ROW_ATTEMPTS} times. After the
     * server ends every session, the pool can hand out several of its dead connections one after the other (it skips
     * the liveness check for connections used moments before); none of that is the row's fault.
     */
    private CaptureOutcome inOneUnitTwice(MappedRow row) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ROW_ATTEMPTS; attempt++) {
            try {
                return inOneUnit(List.of(row), null, null).get(0);
            } catch (RuntimeException failed) {
                last = failed;
                if (attempt >= 2 && !lostConnection(failed)) {
                    throw failed;
                }
            }
        }
        throw last;
    }

    /** The most times a row is tried when its unit of work keeps losing its connection. */
    private static final int ROW_ATTEMPTS = 8;

    private static boolean lostConnection(Throwable failed) {
        for (Throwable t = failed; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private static void tell(List<MappedRow> rows, List<CaptureOutcome> outcomes, ImportListener everyone) {
        for (int i = 0; i < rows.size(); i++) {
            everyone.imported(rows.get(i), outcomes.get(i));
        }
    }

    /** Whether the store still answers a read in a unit of work of its own. */
    private boolean storeAnswers() {
        try {
            crm.store().transactions().inTransaction(() -> crm.store().leads().count());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Captures the rows in one unit of work and returns their outcomes, in order, once it committed: a run at a time
     * when the runs come prepared, else row by row.
     */
    private List<CaptureOutcome> inOneUnit(List<MappedRow> rows, List<Run> runs,
                                           List<BulkCapture.Prepared> prepared) {
        try {
            return crm.store().transactions().inTransactionRetrying(CHUNK_ATTEMPTS, () -> {
                if (prepared != null) {
                    return captureAll(rows, runs, prepared);
                }
                List<CaptureOutcome> outcomes = new ArrayList<>(rows.size());
                for (MappedRow row : rows) {
                    outcomes.add(capture(row));
                }
                return outcomes;
            });
        } finally {
            clock.reset();
        }
    }

    /**
     * Captures the prepared runs, each at once, the clock set for each run as {@link #capture} sets it for each row;
     * a row the mapping refused is rejected as there.
     */
    private List<CaptureOutcome> captureAll(List<MappedRow> rows, List<Run> runs,
                                            List<BulkCapture.Prepared> prepared) {
        List<CaptureOutcome> outcomes = new ArrayList<>(rows.size());
        int next = 0;
        for (Run run : runs) {
            MappedRow first = rows.get(run.from());
            if (run.refused()) {
                outcomes.add(capture(first));
                continue;
            }
            first.submittedAt().ifPresentOrElse(clock::set, clock::reset);
            outcomes.addAll(crm.bulkCapture().captureAll(prepared.get(next++)));
        }
        return outcomes;
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
