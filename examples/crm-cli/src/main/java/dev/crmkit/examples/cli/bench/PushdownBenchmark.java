package dev.crmkit.examples.cli.bench;

import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.adapters.jdbc.FunnelFilter;
import dev.crmkit.adapters.jdbc.JdbcMetrics;
import dev.crmkit.adapters.jdbc.StageEventTable;
import dev.crmkit.metrics.funnel.FunnelDefinition;
import dev.crmkit.metrics.funnel.StageCount;
import dev.crmkit.metrics.funnel.StageEntry;
import dev.crmkit.metrics.funnel.StageHistoryFunnel;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Funnel counts over many stage events, two ways, on one database table:
 * <ol>
 *   <li><em>pushdown</em>: {@link JdbcMetrics#funnelCounts}, one query that finds each deal's furthest stage and
 *       counts deals per furthest stage inside the database;</li>
 *   <li><em>Java</em>: a plain {@code SELECT deal_id, stage, entered_at} read with a fetch size into a list of
 *       {@link StageEntry}, then {@link StageHistoryFunnel#analyze} of crm-metrics.</li>
 * </ol>
 * The events are deals on a seeded random walk through six stages (forward one stage, skip one, step back, or stop),
 * written into {@value #TABLE} with multi-row {@code INSERT} statements of bound parameters. The table is dropped
 * before the load and at the end; nothing else is touched. Both answers must be equal.
 */
public final class PushdownBenchmark {

    /** The benchmark's table: the only one it creates or drops. */
    public static final String TABLE = "crm_bench_stage_event";

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
     * @param events          stage events in the table
     * @param deals           deals they belong to
     * @param loadNanos       writing the events into the table
     * @param pushdownNanos   {@link JdbcMetrics#funnelCounts}
     * @param selectNanos     reading the rows into a list of {@link StageEntry}
     * @param calculateNanos  {@link StageHistoryFunnel#analyze} on that list
     * @param pushdownCounts  the pushdown's answer
     * @param javaCounts      the in-memory answer
     */
    public record Result(long events, long deals, long loadNanos, long pushdownNanos, long selectNanos,
            long calculateNanos, List<StageCount> pushdownCounts, List<StageCount> javaCounts) {

        /** Loading plus calculating in Java. */
        public long javaNanos() {
            return selectNanos + calculateNanos;
        }

        /** Java time over pushdown time. */
        public double ratio() {
            return (double) javaNanos() / Math.max(1, pushdownNanos);
        }

        /** Whether both ways gave the same counts. */
        public boolean equal() {
            return pushdownCounts.equals(javaCounts);
        }
    }

    /**
     * Loads the events into a fresh {@value #TABLE}, runs both ways and drops the table.
     *
     * @throws IllegalStateException if the two answers differ
     */
    public Result run(DataSource dataSource, Dialect dialect) throws SQLException {
        try {
            drop(dataSource);
            phases.accept("loading " + String.format("%,d", events) + " stage events into " + TABLE);
            long start = System.nanoTime();
            long deals = load(dataSource, dialect);
            long load = System.nanoTime() - start;
            analyze(dataSource, dialect);

            phases.accept("funnel counts by pushdown");
            StageEventTable table = StageEventTable.named(TABLE);
            JdbcMetrics metrics = JdbcMetrics.builder(dataSource).dialect(dialect).build();
            start = System.nanoTime();
            List<StageCount> pushed = metrics.funnelCounts(table, STAGES, FunnelFilter.ALL);
            long pushdown = System.nanoTime() - start;

            phases.accept("loading the rows into Java and counting with StageHistoryFunnel");
            start = System.nanoTime();
            List<StageEntry> history = select(dataSource);
            long select = System.nanoTime() - start;
            start = System.nanoTime();
            List<StageCount> java = StageHistoryFunnel.analyze(history, FunnelDefinition.of(STAGES), Map.of())
                    .funnel().stages().stream().map(s -> new StageCount(s.name(), s.count())).toList();
            long calculate = System.nanoTime() - start;
            Result result = new Result(history.size(), deals, load, pushdown, select, calculate, pushed, java);
            if (!result.equal()) {
                throw new IllegalStateException("the pushdown counted " + pushed + " but Java counted " + java);
            }
            return result;
        } finally {
            drop(dataSource);
        }
    }

    /** Writes the random walks until {@code events} rows are written; returns the number of deals. */
    private long load(DataSource dataSource, Dialect dialect) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + TABLE + " (deal_id BIGINT NOT NULL, stage VARCHAR(20) NOT NULL, "
                        + "entered_at " + (dialect == Dialect.MARIADB ? "DATETIME(6)" : "TIMESTAMP") + " NOT NULL)");
            }
            c.setAutoCommit(false);
            long[] deals = new long[ROWS_PER_STATEMENT];
            String[] stages = new String[ROWS_PER_STATEMENT];
            LocalDateTime[] times = new LocalDateTime[ROWS_PER_STATEMENT];
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
                    walk.step();
                    deals[buffered] = walk.deal;
                    stages[buffered] = STAGES.get(walk.stage);
                    times[buffered] = LocalDateTime.ofInstant(walk.at, ZoneOffset.UTC);
                    buffered++;
                    written++;
                    if (buffered == ROWS_PER_STATEMENT) {
                        write(full, deals, stages, times, buffered);
                        buffered = 0;
                        if (written % ROWS_PER_COMMIT == 0) {
                            c.commit();
                        }
                    }
                }
            }
            if (buffered > 0) {
                try (PreparedStatement rest = c.prepareStatement(insert(buffered))) {
                    write(rest, deals, stages, times, buffered);
                }
            }
            c.commit();
            return deal + 1;
        }
    }

    /** A multi-row insert of bound parameters. */
    private static String insert(int rows) {
        return "INSERT INTO " + TABLE + " (deal_id, stage, entered_at) VALUES (?, ?, ?)"
                + ", (?, ?, ?)".repeat(rows - 1);
    }

    private static void write(PreparedStatement ps, long[] deals, String[] stages, LocalDateTime[] times, int rows)
            throws SQLException {
        for (int i = 0; i < rows; i++) {
            ps.setLong(i * 3 + 1, deals[i]);
            ps.setString(i * 3 + 2, stages[i]);
            ps.setObject(i * 3 + 3, times[i]);
        }
        ps.executeUpdate();
    }

    private static void analyze(DataSource dataSource, Dialect dialect) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            if (dialect == Dialect.POSTGRESQL) {
                s.execute("VACUUM ANALYZE " + TABLE);
            } else if (dialect == Dialect.MARIADB) {
                s.execute("ANALYZE TABLE " + TABLE);
            }
        }
    }

    /** The table's rows as stage entries, read with a fetch size (PostgreSQL streams only outside auto-commit). */
    private static List<StageEntry> select(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT deal_id, stage, entered_at FROM " + TABLE)) {
                ps.setFetchSize(FETCH_SIZE);
                List<StageEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(StageEntry.of(Long.toString(rs.getLong(1)), rs.getString(2),
                                rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                    }
                }
                c.commit();
                return out;
            }
        }
    }

    private static void drop(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            s.execute("DROP TABLE IF EXISTS " + TABLE);
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
