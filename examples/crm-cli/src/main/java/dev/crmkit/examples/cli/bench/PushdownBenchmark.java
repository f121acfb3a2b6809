package dev.crmkit.examples.cli.bench;

import dev.crmkit.adapters.jdbc.CrmSchema;
import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.adapters.jdbc.FunnelFilter;
import dev.crmkit.adapters.jdbc.JdbcMetrics;
import dev.crmkit.adapters.jdbc.StageEventTable;
import dev.crmkit.metrics.funnel.FunnelDefinition;
import dev.crmkit.metrics.funnel.StageCount;
import dev.crmkit.metrics.funnel.StageEntry;
import dev.crmkit.metrics.funnel.StageHistoryFunnel;
import dev.crmkit.pipeline.definition.PipelineId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Funnel counts over many stage events of crmkit's own stage history, three ways, on the same rows:
 * <ol>
 *   <li><em>pushdown</em>: {@link JdbcMetrics#pipelineFunnelCounts}, one query over the reached stages crmkit keeps
 *       per deal (V84 {@code deal_stage_reach}): a GROUP BY over one row per deal;</li>
 *   <li><em>event pushdown</em> (the way before V84, for reference): {@link JdbcMetrics#funnelCounts} with the stage
 *       history table as a host table, which groups every event by deal inside the database;</li>
 *   <li><em>Java</em> (the baseline): a plain {@code SELECT deal_id, to_stage, moved_at} of the pipeline's history
 *       read with a fetch size into a list of {@link StageEntry}, then {@link StageHistoryFunnel#analyze}.</li>
 * </ol>
 * The events are deals on a seeded random walk through six stages (forward one stage, skip one, step back, or stop),
 * written as crmkit's stage history rows (ids, deal versions, the stage left, the time in it) into a fresh crmkit
 * schema with the table prefix {@value #PREFIX} ({@link CrmSchema#migrate}), with multi-row {@code INSERT}
 * statements of bound parameters; the kept reached stages are then filled from them by
 * {@link CrmSchema#fillStageReach} (timed apart: what crmkit's moves write one row at a time). Tables with the prefix
 * are dropped before the load and at the end; nothing else is touched. All answers must be equal.
 */
public final class PushdownBenchmark {

    /** The prefix of the benchmark's crmkit schema: only tables with it are created or dropped. */
    public static final String PREFIX = "crm_bench_push_";

    /** The stage history table the events are written to. */
    public static final String TABLE = PREFIX + "stage_history";

    /** The pipeline every generated deal is in. */
    public static final PipelineId PIPELINE = new PipelineId(new UUID(0x5eed, 1));

    /** The stage order the deals walk through. */
    public static final List<String> STAGES = List.of("lead", "qualified", "proposal", "negotiation", "contract",
            "won");

    private static final int ROWS_PER_STATEMENT = 1_000;
    private static final int ROWS_PER_COMMIT = 100_000;
    private static final int FETCH_SIZE = 10_000;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private final int events;
    private final long seed;
    private final Consumer<String> phases;

    /**
     * @param events how many stage events to generate, at least 1
     * @param seed   the random walk's seed
     * @param phases told what is starting, for progress lines
     */
    public PushdownBenchmark(int events, long seed, Consumer<String> phases) {
        if (events < 1) {
            throw new IllegalArgumentException("events must be at least 1, got " + events);
        }
        this.events = events;
        this.seed = seed;
        this.phases = phases;
    }

    /**
     * What one run measured.
     *
     * @param events              stage events in the table
     * @param deals               deals they belong to
     * @param loadNanos           writing the events into the table
     * @param fillNanos           {@link CrmSchema#fillStageReach}: the reached stages of every deal from the events
     * @param pushdownNanos       {@link JdbcMetrics#pipelineFunnelCounts}
     * @param eventPushdownNanos  {@link JdbcMetrics#funnelCounts} over the events
     * @param selectNanos         reading the rows into a list of {@link StageEntry}
     * @param calculateNanos      {@link StageHistoryFunnel#analyze} on that list
     * @param pushdownCounts      the pushdown's answer
     * @param eventPushdownCounts the event pushdown's answer
     * @param javaCounts          the in-memory answer
     */
    public record Result(long events, long deals, long loadNanos, long fillNanos, long pushdownNanos,
            long eventPushdownNanos, long selectNanos, long calculateNanos, List<StageCount> pushdownCounts,
            List<StageCount> eventPushdownCounts, List<StageCount> javaCounts) {

        /** Loading plus calculating in Java. */
        public long javaNanos() {
            return selectNanos + calculateNanos;
        }

        /** Java time over pushdown time. */
        public double ratio() {
            return (double) javaNanos() / Math.max(1, pushdownNanos);
        }

        /** Java time over the event pushdown's time. */
        public double eventRatio() {
            return (double) javaNanos() / Math.max(1, eventPushdownNanos);
        }

        /** Whether all three ways gave the same counts. */
        public boolean equal() {
            return pushdownCounts.equals(javaCounts) && eventPushdownCounts.equals(javaCounts);
        }
    }

    /**
     * Loads the events into a fresh crmkit schema, runs the three ways and drops the schema's tables.
     *
     * @throws IllegalStateException if the answers differ
     */
    public Result run(DataSource dataSource, Dialect dialect) throws SQLException {
        try {
            drop(dataSource);
            CrmSchema.migrate(dataSource, PREFIX);
            phases.accept("loading " + String.format("%,d", events) + " stage events into " + TABLE);
            long start = System.nanoTime();
            long deals = load(dataSource, dialect);
            long load = System.nanoTime() - start;
            phases.accept("filling the reached stages of every deal (CrmSchema.fillStageReach)");
            start = System.nanoTime();
            CrmSchema.fillStageReach(dataSource, PREFIX);
            long fill = System.nanoTime() - start;
            analyze(dataSource, dialect);

            JdbcMetrics metrics = JdbcMetrics.builder(dataSource).dialect(dialect).tablePrefix(PREFIX).build();
            phases.accept("funnel counts by pushdown over the reached stages per deal");
            start = System.nanoTime();
            List<StageCount> pushed = metrics.pipelineFunnelCounts(PIPELINE, STAGES);
            long pushdown = System.nanoTime() - start;

            phases.accept("funnel counts by pushdown over the events");
            StageEventTable table = StageEventTable.named(TABLE).stage("to_stage").enteredAt("moved_at");
            start = System.nanoTime();
            List<StageCount> eventPushed = metrics.funnelCounts(table, STAGES, FunnelFilter.ALL);
            long eventPushdown = System.nanoTime() - start;

            phases.accept("loading the rows into Java and counting with StageHistoryFunnel");
            start = System.nanoTime();
            List<StageEntry> history = select(dataSource, dialect);
            long select = System.nanoTime() - start;
            start = System.nanoTime();
            List<StageCount> java = StageHistoryFunnel.analyze(history, FunnelDefinition.of(STAGES), Map.of())
                    .funnel().stages().stream().map(s -> new StageCount(s.name(), s.count())).toList();
            long calculate = System.nanoTime() - start;
            Result result = new Result(history.size(), deals, load, fill, pushdown, eventPushdown, select, calculate,
                    pushed, eventPushed, java);
            if (!result.equal()) {
                throw new IllegalStateException("the pushdown counted " + pushed + ", the event pushdown "
                        + eventPushed + " but Java counted " + java);
            }
            return result;
        } finally {
            drop(dataSource);
        }
    }

    /** Writes the random walks as stage history rows until {@code events} rows are written; returns the deals. */
    private long load(DataSource dataSource, Dialect dialect) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Row[] rows = new Row[ROWS_PER_STATEMENT];
            Random random = new Random(seed);
            long deal = 0;
            int written = 0;
            int buffered = 0;
            try (PreparedStatement full = c.prepareStatement(insert(ROWS_PER_STATEMENT))) {
                Walk walk = new Walk(random, deal);
                while (written < events) {
                    if (walk.done()) {
                        walk = new Walk(random, ++deal);
                    }
                    Instant left = walk.at;
                    int from = walk.stage;
                    walk.step();
                    rows[buffered] = new Row(new UUID(0x5eed, 1L << 40 | written), new UUID(0x5eed, 1L << 41 | deal),
                            walk.version, from < 0 ? null : STAGES.get(from), STAGES.get(walk.stage), walk.at,
                            from < 0 ? 0 : walk.at.getEpochSecond() - left.getEpochSecond());
                    buffered++;
                    written++;
                    if (buffered == ROWS_PER_STATEMENT) {
                        write(full, dialect, rows, buffered);
                        buffered = 0;
                        if (written % ROWS_PER_COMMIT == 0) {
                            c.commit();
                        }
                    }
                }
            }
            if (buffered > 0) {
                try (PreparedStatement rest = c.prepareStatement(insert(buffered))) {
                    write(rest, dialect, rows, buffered);
                }
            }
            c.commit();
            return deal + 1;
        }
    }

    /** One stage history row. */
    private record Row(UUID id, UUID deal, long version, String from, String to, Instant at, long secondsBefore) {
    }

    /** A multi-row insert of bound parameters, the columns crmkit's stage history has. */
    private static String insert(int rows) {
        return "INSERT INTO " + TABLE + " (id, deal_id, deal_version, pipeline_id, from_stage, to_stage, moved_by, "
                + "moved_at, seconds_in_previous, nanos_in_previous) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(rows - 1);
    }

    private static void write(PreparedStatement ps, Dialect dialect, Row[] rows, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            Row r = rows[i];
            int p = i * 10;
            uuid(ps, dialect, p + 1, r.id());
            uuid(ps, dialect, p + 2, r.deal());
            ps.setLong(p + 3, r.version());
            uuid(ps, dialect, p + 4, PIPELINE.value());
            ps.setString(p + 5, r.from());
            ps.setString(p + 6, r.to());
            ps.setString(p + 7, "bench");
            if (dialect == Dialect.MARIADB) {
                ps.setObject(p + 8, LocalDateTime.ofInstant(r.at(), ZoneOffset.UTC));
            } else {
                ps.setObject(p + 8, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
            }
            ps.setLong(p + 9, r.secondsBefore());
            ps.setInt(p + 10, 0);
        }
        ps.executeUpdate();
    }

    private static void uuid(PreparedStatement ps, Dialect dialect, int index, UUID value) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            ps.setString(index, value.toString());
        } else {
            ps.setObject(index, value);
        }
    }

    private static void analyze(DataSource dataSource, Dialect dialect) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String table : List.of(TABLE, PREFIX + "deal_stage_reach")) {
                if (dialect == Dialect.POSTGRESQL) {
                    s.execute("VACUUM ANALYZE " + table);
                } else if (dialect == Dialect.MARIADB) {
                    s.execute("ANALYZE TABLE " + table);
                }
            }
        }
    }

    /**
     * The pipeline's history rows as stage entries, read with a fetch size (PostgreSQL streams only outside
     * auto-commit).
     */
    private static List<StageEntry> select(DataSource dataSource, Dialect dialect) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT deal_id, to_stage, moved_at FROM " + TABLE
                    + " WHERE pipeline_id = ?")) {
                uuid(ps, dialect, 1, PIPELINE.value());
                ps.setFetchSize(FETCH_SIZE);
                List<StageEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = dialect == Dialect.MARIADB
                                ? rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC)
                                : rs.getObject(3, OffsetDateTime.class).toInstant();
                        out.add(StageEntry.of(rs.getString(1), rs.getString(2), at));
                    }
                }
                c.commit();
                return out;
            }
        }
    }

    /** Drops every table whose name starts with {@value #PREFIX}, and nothing else. */
    private static void drop(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            for (String table : TableRows.tablesWithPrefix(c, PREFIX)) {
                s.execute("DROP TABLE " + table);
            }
        }
    }

    /**
     * One deal's seeded random walk: it enters the first stage (one in eight straight into the second), then moves
     * forward one stage (55%), skips one (10%), steps back (15%) or stops (20%); it stops when won. Each move is
     * minutes to days after the previous one.
     */
    private static final class Walk {
        private final Random random;
        private final long deal;
        private int stage = -1;
        private long version;
        private Instant at;
        private boolean done;

        Walk(Random random, long deal) {
            this.random = random;
            this.deal = deal;
            this.at = START.plusSeconds(random.nextInt(365 * 86_400));
        }

        boolean done() {
            return done;
        }

        void step() {
            version++;
            if (stage < 0) {
                stage = random.nextInt(8) == 0 ? 1 : 0;
            } else {
                at = at.plusSeconds(60 + random.nextInt(5 * 86_400));
                int move = random.nextInt(80);
                stage = move < 55 ? stage + 1 : move < 65 ? Math.min(stage + 2, STAGES.size() - 1)
                        : Math.max(0, stage - 1);
            }
            done = stage == STAGES.size() - 1 || random.nextInt(100) < 20;
        }
    }
}
