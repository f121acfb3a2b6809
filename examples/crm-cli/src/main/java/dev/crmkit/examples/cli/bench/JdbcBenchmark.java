package dev.crmkit.examples.cli.bench;

import dev.crmkit.adapters.jdbc.CrmSchema;
import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.capture.BulkCapture;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.examples.cli.leadimport.ImportTally;
import dev.crmkit.examples.cli.leadimport.OutcomeKind;
import dev.crmkit.examples.cli.leadimport.PrepareAhead;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Measures importing leads into a database through crmkit against writing the same rows with plain JDBC, in one run,
 * single-threaded, on fresh tables of a dedicated prefix:
 * <ol>
 *   <li><em>crmkit</em>: generated submissions, each with an external id, captured through
 *       {@link dev.crmkit.core.capture.LeadCapture} into the JDBC store, in chunks of a batch size per unit of
 *       work as {@code crm import} does (normalization, de-duplication against what is stored, contacts,
 *       companies, leads, external ids, timeline, follow-up tasks, the outbox);</li>
 *   <li><em>raw</em>: the rows crmkit left in its tables, read back into memory beforehand, written into the fresh
 *       tables again with plain {@code INSERT} batches, with no reads, no checks and no library code.</li>
 * </ol>
 * Both passes follow a warm-up on a prefix of the submissions; the tables are dropped and migrated before each pass,
 * and dropped at the end. Only tables whose names start with the prefix are touched.
 */
public final class JdbcBenchmark {

    /** The prefix of the benchmark's tables: nothing else is dropped. */
    public static final String PREFIX = "crm_bench_";

    /** Tables the migrations fill themselves: not part of what either pass writes. */
    private static final Set<String> MIGRATION_TABLES = Set.of("schema_history", "outbox_relay_lock");

    private final Settings settings;
    private final Function<CrmStore, Crm> crms;
    private final Consumer<String> phases;

    /**
     * What to run.
     *
     * @param leads          how many submissions
     * @param duplicateShare the share that repeat an earlier person
     * @param invalidShare   the share of bad submissions
     * @param seed           the seed of the data (and of the ids)
     * @param warmup         how many submissions the warm-up passes take
     * @param batchSize      submissions per unit of work in the crmkit pass
     * @param passes         which crmkit passes run: capture one by one, bulk capture, or both
     */
    public record Settings(int leads, double duplicateShare, double invalidShare, long seed, int warmup,
                           int batchSize, Passes passes) {
        /** Validates the figures. */
        public Settings {
            if (leads < 1 || warmup < 0 || warmup > leads || batchSize < 1) {
                throw new IllegalArgumentException("need at least one lead, a warm-up of at most all of them and a "
                        + "batch size of at least 1");
            }
            Objects.requireNonNull(passes, "passes");
        }

        /** Both crmkit passes. */
        public Settings(int leads, double duplicateShare, double invalidShare, long seed, int warmup, int batchSize) {
            this(leads, duplicateShare, invalidShare, seed, warmup, batchSize, Passes.BOTH);
        }
    }

    /** The crmkit passes of a run. */
    public enum Passes {
        /** Capture one by one, each chunk of submissions in one unit of work. */
        ONE_BY_ONE,
        /** Bulk capture, a chunk at once ({@link dev.crmkit.core.capture.BulkCapture}). */
        BULK,
        /** Both, one after the other, each on fresh tables; they must write the same rows. */
        BOTH;

        boolean oneByOne() {
            return this != BULK;
        }

        boolean bulk() {
            return this != ONE_BY_ONE;
        }
    }

    /**
     * The figures of one database.
     *
     * @param database    the database product and version
     * @param where       where it is (a URL, masked, or a temporary file)
     * @param crmkitNanos how long the crmkit pass capturing one by one took, 0 if it did not run
     * @param bulkNanos   how long the crmkit pass with bulk capture took, 0 if it did not run
     * @param rawNanos    how long the raw pass took
     * @param tables      the rows each table holds after either pass, by name without the prefix, largest first
     * @param outcomes    the capture outcomes of the crmkit pass
     * @param indexSizes  what the indexes took right after the crmkit pass, where the database reports it
     */
    public record Result(String database, String where, long crmkitNanos, long bulkNanos, long rawNanos,
                         Map<String, Long> tables,
                         Map<OutcomeKind, Long> outcomes, Optional<IndexSizes> indexSizes) {
        /** Copies the maps. */
        public Result {
            tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
            outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
        }

        /** The rows written, in every table. */
        public long rows() {
            return tables.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Rows per second through crmkit. */
        public double crmkitRowsPerSecond() {
            return rows() * 1e9 / Math.max(1, crmkitNanos);
        }

        /** Rows per second through plain JDBC batches. */
        public double rawRowsPerSecond() {
            return rows() * 1e9 / Math.max(1, rawNanos);
        }

        /** Submissions per second through crmkit. */
        public double submissionsPerSecond() {
            return submissions() * 1e9 / Math.max(1, crmkitNanos);
        }

        /** How many times as long crmkit takes as the raw inserts for the same rows. */
        public double ratio() {
            return (double) crmkitNanos / Math.max(1, rawNanos);
        }

        /** Rows per second through bulk capture. */
        public double bulkRowsPerSecond() {
            return rows() * 1e9 / Math.max(1, bulkNanos);
        }

        /** Submissions per second through bulk capture. */
        public double bulkSubmissionsPerSecond() {
            return submissions() * 1e9 / Math.max(1, bulkNanos);
        }

        /** How many times as long bulk capture takes as the raw inserts for the same rows. */
        public double bulkRatio() {
            return (double) bulkNanos / Math.max(1, rawNanos);
        }

        private long submissions() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * A benchmark.
     *
     * @param crms   builds crmkit over a store, with the benchmark's region, clock and (seeded) ids
     * @param phases told what is happening, for a progress line
     */
    public JdbcBenchmark(Settings settings, Function<CrmStore, Crm> crms, Consumer<String> phases) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.crms = Objects.requireNonNull(crms, "crms");
        this.phases = Objects.requireNonNull(phases, "phases");
    }

    /**
     * Generates the submissions, the same for every database. Each carries an external id ({@code sub-1},
     * {@code sub-2}, ...), as the rows of an import file from a form tool do, so the crmkit pass also checks and
     * claims external ids.
     */
    public List<LeadSubmission> generate() {
        SubmissionGenerator generator = new SubmissionGenerator(settings.seed(), settings.duplicateShare(),
                settings.invalidShare());
        List<LeadSubmission> out = new ArrayList<>(settings.leads());
        for (int i = 0; i < settings.leads(); i++) {
            out.add(withExternalId(generator.next(), "sub-" + (i + 1)));
        }
        return out;
    }

    private static LeadSubmission withExternalId(LeadSubmission s, String externalId) {
        return new LeadSubmission(s.channel(), s.sourceDetail(), s.firstName(), s.lastName(), s.email(), s.phone(),
                s.companyName(), s.request(), s.language(), s.campaign(), s.utm(), s.referrer(), externalId, s.defaultRegion(),
                s.owner(), s.marketingConsent(), s.customFields());
    }

    /**
     * Runs both passes on one database and drops the benchmark's tables afterwards.
     *
     * @param dataSource the database; its tables starting with {@value #PREFIX} are dropped
     * @param database   its product and version, for the result
     * @param where      where it is, for the result
     * @param data       the submissions from {@link #generate()}
     */
    public Result run(DataSource dataSource, String database, String where, List<LeadSubmission> data)
            throws SQLException {
        Dialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.of(c);
        }
        try {
            if (settings.warmup() > 0) {
                phases.accept(String.format(Locale.ROOT, "%s: warming up on %,d submissions", database,
                        settings.warmup()));
                List<LeadSubmission> warmData = data.subList(0, settings.warmup());
                if (settings.passes().oneByOne()) {
                    fresh(dataSource);
                    crmkitPass(dataSource, dialect, warmData, false);
                }
                if (settings.passes().bulk()) {
                    fresh(dataSource);
                    crmkitPass(dataSource, dialect, warmData, true);
                }
                TableRows warm = snapshot(dataSource, dialect);
                fresh(dataSource);
                rawPass(dataSource, dialect, warm);
            }
            long crmkit = 0;
            long bulk = 0;
            ImportTally tally = null;
            Map<String, Long> oneByOneRows = null;
            Optional<IndexSizes> sizes = Optional.empty();
            if (settings.passes().oneByOne()) {
                fresh(dataSource);
                phases.accept(String.format(Locale.ROOT, "%s: timing crmkit on %,d submissions", database,
                        data.size()));
                long start = System.nanoTime();
                tally = crmkitPass(dataSource, dialect, data, false);
                crmkit = System.nanoTime() - start;
                try (Connection c = dataSource.getConnection()) {
                    sizes = IndexSizes.measure(c, dialect, PREFIX);
                }
                oneByOneRows = TableRows.countsOf(dataSource, PREFIX, MIGRATION_TABLES);
            }
            if (settings.passes().bulk()) {
                fresh(dataSource);
                phases.accept(String.format(Locale.ROOT, "%s: timing crmkit bulk capture on %,d submissions",
                        database, data.size()));
                long start = System.nanoTime();
                long cpu = processCpuNanos();
                ImportTally bulkTally = crmkitPass(dataSource, dialect, data, true);
                bulk = System.nanoTime() - start;
                phases.accept(String.format(Locale.ROOT, "%s: bulk capture took %.2f s, %.2f s of this JVM's CPU "
                        + "(every thread, GC included)", database, bulk / 1e9, (processCpuNanos() - cpu) / 1e9));
                if (tally != null && !tally.byKind().equals(bulkTally.byKind())) {
                    throw new IllegalStateException("bulk capture gave the outcomes " + bulkTally.byKind()
                            + ", capture one by one " + tally.byKind());
                }
                tally = bulkTally;
                if (sizes.isEmpty()) {
                    try (Connection c = dataSource.getConnection()) {
                        sizes = IndexSizes.measure(c, dialect, PREFIX);
                    }
                }
            }
            phases.accept(database + ": reading back the rows crmkit wrote");
            TableRows rows = snapshot(dataSource, dialect);
            if (oneByOneRows != null && !oneByOneRows.equals(rows.counts(PREFIX))) {
                throw new IllegalStateException("bulk capture wrote " + rows.counts(PREFIX)
                        + ", capture one by one " + oneByOneRows);
            }
            fresh(dataSource);
            phases.accept(String.format(Locale.ROOT, "%s: timing raw JDBC inserts of %,d rows", database, rows.rows()));
            long start = System.nanoTime();
            rawPass(dataSource, dialect, rows);
            long raw = System.nanoTime() - start;
            Map<String, Long> written = snapshot(dataSource, dialect).counts(PREFIX);
            if (!written.equals(rows.counts(PREFIX))) {
                throw new IllegalStateException("the raw pass wrote " + written + ", not the rows crmkit wrote "
                        + rows.counts(PREFIX));
            }
            return new Result(database, where, crmkit, bulk, raw, rows.counts(PREFIX), tally.byKind(), sizes);
        } finally {
            drop(dataSource);
        }
    }

    private ImportTally crmkitPass(DataSource dataSource, Dialect dialect, List<LeadSubmission> data, boolean bulk) {
        JdbcCrmStore store = JdbcCrmStore.builder(dataSource).dialect(dialect).tablePrefix(PREFIX).build();
        Crm crm = crms.apply(store);
        ImportTally tally = new ImportTally();
        if (bulk) {
            bulkPass(crm.bulkCapture(), data, tally);
            return tally;
        }
        for (int from = 0; from < data.size(); from += settings.batchSize()) {
            List<LeadSubmission> chunk = data.subList(from, Math.min(data.size(), from + settings.batchSize()));
            List<CaptureOutcome> outcomes = store.transactions().inTransactionRetrying(3, () -> {
                List<CaptureOutcome> out = new ArrayList<>(chunk.size());
                for (LeadSubmission s : chunk) {
                    out.add(crm.capture().capture(s));
                }
                return out;
            });
            outcomes.forEach(tally::count);
        }
        return tally;
    }

    /**
     * Bulk capture of the chunks, each in a unit of work of its own, as {@code crm import} does it: the next chunk is
     * normalized on a helper thread while this one's statements run ({@link BulkCapture#prepare},
     * {@link PrepareAhead}).
     */
    private void bulkPass(BulkCapture capture, List<LeadSubmission> data, ImportTally tally) {
        try (PrepareAhead ahead = new PrepareAhead("crm-bench-prepare")) {
            int size = settings.batchSize();
            PrepareAhead.Pending<BulkCapture.Prepared> next = ahead.start(() -> capture.prepare(chunk(data, 0, size)));
            for (int from = 0; from < data.size(); from += size) {
                BulkCapture.Prepared chunk = next.get();
                if (from + size < data.size()) {
                    int following = from + size;
                    next = ahead.start(() -> capture.prepare(chunk(data, following, size)));
                }
                capture.captureAll(chunk).forEach(tally::count); // its own unit of work, retried on a conflict
            }
        }
    }

    /** The CPU time of this JVM so far, or 0 where the platform does not tell it. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static List<LeadSubmission> chunk(List<LeadSubmission> data, int from, int size) {
        return data.subList(from, Math.min(data.size(), from + size));
    }

    private static void rawPass(DataSource dataSource, Dialect dialect, TableRows rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            rows.insertAll(c, switch (dialect) {
                case POSTGRESQL -> "CAST(? AS jsonb)";
                case H2 -> "? FORMAT JSON";
                case MARIADB -> "?";
            });
        }
    }

    private static TableRows snapshot(DataSource dataSource, Dialect dialect) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return TableRows.read(c, PREFIX, MIGRATION_TABLES, dialect == Dialect.H2);
        }
    }

    /** Drops the benchmark's tables and migrates them afresh. */
    private static void fresh(DataSource dataSource) throws SQLException {
        drop(dataSource);
        CrmSchema.migrate(dataSource, PREFIX);
    }

    /**
     * Drops every table and sequence whose name starts with {@value #PREFIX} (on PostgreSQL the migrations make
     * sequences too, V89), and nothing else, so the benchmark's tables can be migrated afresh.
     */
    static void drop(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TableRows.tablesWithPrefix(c, PREFIX)) {
                s.execute("DROP TABLE " + table);
            }
            for (String sequence : TableRows.sequencesWithPrefix(c, PREFIX)) {
                s.execute("DROP SEQUENCE " + sequence);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
