package dev.crmkit.examples.cli.bench;

import dev.crmkit.adapters.jdbc.CrmSchema;
import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineBuilder;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.Rules;
import dev.crmkit.pipeline.definition.Stage;
import dev.crmkit.pipeline.definition.StageKind;
import dev.crmkit.pipeline.definition.StageRule;
import dev.crmkit.pipeline.forecast.BoardColumn;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Stage moves through a pipeline whose every stage has five entry rules, against the same number of stage updates of
 * the same deals without rules, in one run, single-threaded:
 * <ol>
 *   <li><em>crmkit</em>: deals opened with everything the rules need (amount, expected close date, owner, an approved
 *       offer), then moved forward stage by stage through {@link DealPipeline#move} until won: all five rules of
 *       the target stage checked, the deal stored with its optimistic version, the stage history and the timeline
 *       written and the events published, one unit of work per move;</li>
 *   <li><em>crmkit, deal in hand</em>: as many other deals, opened alike, moved the same way through
 *       {@link DealPipeline#move(Deal, MoveDeal)} with the deal each previous move returned, as a board holds its deals
 *       (on PostgreSQL one round trip per move: no read of the deal);</li>
 *   <li><em>baseline</em>: as many other deals, opened alike, walked through the same stages, changing only the
 *       stage field with no rules, no history, no timeline and no events: in memory through the store's
 *       {@link Deals#update} port, on a database with a plain JDBC {@value #UPDATE_SQL} per move, each in its own
 *       transaction (auto-commit);</li>
 *   <li><em>write set</em>, on PostgreSQL only: as many other deals, opened alike, walked through the same stages by
 *       writing by hand the rows a crmkit move writes ({@link MoveWriteSet}: the deal's stage columns, the stage
 *       history row, the reached stage, the timeline entry with its about row, the outbox rows), one statement per
 *       move in auto-commit, with no rules and no read.</li>
 * </ol>
 * Each pass is timed on its own; both crmkit passes are compared with the same baseline (whose client, too, knows
 * each deal's version), and on PostgreSQL with the write set too, which tells how much of crmkit's time over the bare
 * update is the rows every move must write. On a database each pass but the baseline is checked to add exactly the
 * rows of {@link MoveWriteSet#expectedRows}, counted in the database: the write set writes what crmkit writes. A run makes one untimed warm-up of all three passes on fewer deals, then a number of timed
 * rounds: each round opens its deals afresh (same seed) in a fresh store and runs the three passes in the order
 * {@link #order(int, boolean)} gives it, which rotates from round to round so that no pass always runs first after the
 * collections and compilations the opening causes; each pass's figure is the median of its rounds. On a database the
 * tables (prefix {@value #PREFIX}) are dropped and migrated before the warm-up and before each round, and dropped at
 * the end. Only tables whose names start with the prefix are touched.
 */
public final class PipelineBenchmark {

    /** The prefix of the benchmark's tables on a database: nothing else is dropped. */
    public static final String PREFIX = JdbcBenchmark.PREFIX;

    /** The open stages, in order; deals start in the first. */
    public static final List<String> OPEN_STAGES = List.of("Qualified", "Discovery", "Demo", "Proposal",
            "Negotiation", "Contract");

    /** The won stage. */
    public static final String WON = "Won";

    /** The lost stage (no deal enters it here; its rules make the pipeline uniform). */
    public static final String LOST = "Lost";

    /** The stages each deal enters by moving: every open stage after the first, then won. */
    public static final List<String> TARGETS;

    /** Who moves the deals: the owner, with the role the rules allow. */
    public static final Actor MOVER = Actor.of("anna", "sales");

    /** The plain update of the baseline on a database; {@code <prefix>} stands for the table prefix. */
    static final String UPDATE_SQL = "UPDATE <prefix>deal SET stage = ?, version = version + 1 WHERE id = ? AND "
            + "version = ?";

    /** The bytes each pass allocates on the benchmark's thread. */
    private static final com.sun.management.ThreadMXBean ALLOCATIONS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String DOCUMENT_KIND = "offer";
    private static final String DOCUMENT_STATUS = "approved";

    static {
        List<String> targets = new ArrayList<>(OPEN_STAGES.subList(1, OPEN_STAGES.size()));
        targets.add(WON);
        TARGETS = List.copyOf(targets);
    }

    private final Settings settings;
    private final BiFunction<CrmStore, IdGenerator, Crm> crms;
    private final Consumer<String> phases;

    /**
     * What to run.
     *
     * @param deals  how many deals the timed passes move
     * @param warmup how many deals the warm-up passes move, at most {@code deals}
     * @param seed   the seed of the amounts, close dates and ids
     */
    public record Settings(int deals, int warmup, long seed) {
        /** Validates the figures. */
        public Settings {
            if (deals < 1 || warmup < 0 || warmup > deals) {
                throw new IllegalArgumentException("need at least one deal and a warm-up of at most all of them");
            }
        }
    }

    /** The three timed passes of a round. */
    public enum Pass {
        /** {@link #moveAll(Prepared)}. */
        CRMKIT("crmkit moves"),
        /** {@link #moveAllHeld(Prepared)}. */
        HELD("crmkit moves of deals in hand"),
        /** The stage updates without rules of {@link Prepared#baseline}. */
        BASELINE("stage updates without rules"),
        /** The write sets by hand ({@link MoveWriteSet}) of {@link Prepared#writeSet}, on PostgreSQL only. */
        WRITE_SET("write sets by hand");

        private final String what;

        Pass(String what) {
            this.what = what;
        }

        /** What the pass times, for a progress line. */
        public String what() {
            return what;
        }
    }

    /**
     * The order of the passes in a round: {@link Pass#CRMKIT}, {@link Pass#HELD}, {@link Pass#BASELINE} in the first,
     * rotated one place further each round (the second round starts with the deals in hand, the third with the
     * baseline, the fourth as the first).
     *
     * @param round the round, counted from 0
     */
    public static List<Pass> order(int round) {
        return order(round, false);
    }

    /**
     * The order of the passes in a round: as {@link #order(int)}, with {@link Pass#WRITE_SET} after the baseline in
     * the first round when {@code writeSet}, all four rotating.
     *
     * @param round    the round, counted from 0
     * @param writeSet whether the round has the write set's pass
     */
    public static List<Pass> order(int round, boolean writeSet) {
        if (round < 0) {
            throw new IllegalArgumentException("rounds count from 0, got " + round);
        }
        List<Pass> order = new ArrayList<>(List.of(Pass.values()));
        if (!writeSet) {
            order.remove(Pass.WRITE_SET);
        }
        Collections.rotate(order, -(round % order.size()));
        return List.copyOf(order);
    }

    /**
     * The figures of one store.
     *
     * @param store       what was measured: {@code in memory} or the database product and version
     * @param where       where it is (a URL, masked, or the in-memory store's class)
     * @param deals       deals moved by each pass in each round
     * @param moves       moves made by each pass in each round
     * @param crmkit      how long the crmkit moves took, per round
     * @param held        how long the crmkit moves of deals in hand took (as many, of other deals), per round
     * @param baseline    how long the baseline updates took (as many, of other deals), per round
     * @param orders      the order of the passes in each round, as {@link #order(int, boolean)} gave it
     * @param board       deals per stage at the end of the last round, in stage order (all passes' deals)
     * @param won         the fewest deals the crmkit pass left in the won stage in any round
     * @param heldWon     the fewest deals in hand their pass left in the won stage in any round
     * @param baselineWon the fewest deals whose stage field the baseline pass left at the won stage in any round
     * @param writeSet    the write set's figures, on PostgreSQL; empty elsewhere
     * @param bytesPerMove per pass that ran, the bytes the benchmark's thread allocated during the pass divided by its
     *                     moves, the median over the rounds: a figure that load does not move
     */
    public record Result(String store, String where, int deals, long moves, RoundTimes crmkit, RoundTimes held,
                         RoundTimes baseline, List<List<Pass>> orders, Map<String, Long> board, long won,
                         long heldWon, long baselineWon, Optional<WriteSetResult> writeSet,
                         Map<Pass, Long> bytesPerMove) {
        /** Copies the orders, the board and the bytes. */
        public Result {
            orders = orders.stream().map(List::copyOf).toList();
            board = Collections.unmodifiableMap(new LinkedHashMap<>(board));
            Objects.requireNonNull(writeSet, "writeSet");
            bytesPerMove = Collections.unmodifiableMap(new java.util.EnumMap<>(bytesPerMove));
        }

        /** How many rounds were timed. */
        public int rounds() {
            return crmkit.rounds();
        }

        /** The median time of the crmkit moves over the rounds. */
        public long crmkitNanos() {
            return crmkit.median();
        }

        /** The median time of the crmkit moves of deals in hand over the rounds. */
        public long heldNanos() {
            return held.median();
        }

        /** The median time of the baseline updates over the rounds. */
        public long baselineNanos() {
            return baseline.median();
        }

        /** Moves per second through crmkit. */
        public double crmkitMovesPerSecond() {
            return moves * 1e9 / Math.max(1, crmkitNanos());
        }

        /** Moves of deals in hand per second through crmkit. */
        public double heldMovesPerSecond() {
            return moves * 1e9 / Math.max(1, heldNanos());
        }

        /**
         * How many times as long crmkit takes to move deals in hand as the baseline for as many stage changes: the
         * median times' ratio.
         */
        public double heldRatio() {
            return (double) heldNanos() / Math.max(1, baselineNanos());
        }

        /** Stage updates per second without rules. */
        public double baselineMovesPerSecond() {
            return moves * 1e9 / Math.max(1, baselineNanos());
        }

        /** How many times as long crmkit takes as the baseline for as many stage changes: the median times' ratio. */
        public double ratio() {
            return (double) crmkitNanos() / Math.max(1, baselineNanos());
        }
    }

    /**
     * The figures of the write set by hand ({@link MoveWriteSet}) on one store.
     *
     * @param times how long its pass took, per round
     * @param won   the fewest deals it left at the won stage in any round
     * @param rows  the rows its pass of the last round added, counted in the database, by the kinds of
     *              {@link MoveWriteSet#ROW_KINDS} (the crmkit passes are checked to add the same)
     */
    public record WriteSetResult(RoundTimes times, long won, Map<String, Long> rows) {
        /** Copies the rows. */
        public WriteSetResult {
            Objects.requireNonNull(times, "times");
            rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }

        /** The median time of its pass over the rounds. */
        public long nanos() {
            return times.median();
        }

        /** Moves written per second. */
        public double movesPerSecond(Result r) {
            return r.moves() * 1e9 / Math.max(1, nanos());
        }

        /** How many times as long the crmkit moves by id take as the write set: the median times' ratio. */
        public double ratio(Result r) {
            return (double) r.crmkitNanos() / Math.max(1, nanos());
        }

        /** How many times as long the crmkit moves of deals in hand take as the write set. */
        public double heldRatio(Result r) {
            return (double) r.heldNanos() / Math.max(1, nanos());
        }

        /** How many times as long the write set takes as the bare stage update: what every move must write. */
        public double overBaseline(Result r) {
            return (double) nanos() / Math.max(1, r.baselineNanos());
        }
    }

    /**
     * Deals opened in the first stage of the benchmark's pipeline, ready to be moved.
     *
     * @param pipelines the use case over the store
     * @param store     the store
     * @param pipeline  the benchmark's pipeline
     * @param deals     the deals as stored, each with everything the rules need
     * @param held      other deals, opened alike, for the pass that moves deals in hand
     * @param baseline  as many other deals again, opened alike, for the baseline pass
     * @param writeSet  other deals again, opened alike, for the pass of the write set by hand (none in memory)
     * @param clock     crmkit's clock, which the write set by hand takes its times from too
     */
    public record Prepared(DealPipeline pipelines, PipelineStore store, Pipeline pipeline, List<Deal> deals,
                           List<Deal> held, List<Deal> baseline, List<Deal> writeSet, Clock clock) {
        /** Copies the lists. */
        public Prepared {
            deals = List.copyOf(deals);
            held = List.copyOf(held);
            baseline = List.copyOf(baseline);
            writeSet = List.copyOf(writeSet);
            Objects.requireNonNull(clock, "clock");
        }
    }

    /**
     * A benchmark.
     *
     * @param settings what to run
     * @param crms     builds crmkit over a store with the benchmark's ids, region and clock
     * @param phases   told what is happening, for a progress line
     */
    public PipelineBenchmark(Settings settings, BiFunction<CrmStore, IdGenerator, Crm> crms,
                             Consumer<String> phases) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.crms = Objects.requireNonNull(crms, "crms");
        this.phases = Objects.requireNonNull(phases, "phases");
    }

    /** The five rules every stage has; all pass for deals opened by {@link #prepare}. */
    public static List<StageRule> rules() {
        return List.of(
                Rules.requiredFields("amount", "expectedCloseDate", "owner"),
                Rules.requiredDocument(DOCUMENT_KIND, DOCUMENT_STATUS),
                Rules.amountPositive(),
                Rules.allowedMovers(Set.of("sales"), true),
                Rules.noSkipping());
    }

    /**
     * The benchmark's pipeline: the six open stages, won and lost, each with the five {@link #rules()}; the
     * pipeline's own policies are all off, so a move checks exactly those five.
     */
    public static PipelineDefinition definition() {
        StageRule[] rules = rules().toArray(new StageRule[0]);
        PipelineBuilder builder = PipelineDefinition.builder("Bench five rules");
        int probability = 10;
        for (String stage : OPEN_STAGES) {
            int p = probability;
            builder.stage(stage, s -> s.probability(p).rule(rules));
            probability += 15;
        }
        return builder.won(WON, s -> s.rule(rules)).lost(LOST, s -> s.rule(rules)).build();
    }

    /**
     * Defines the pipeline and opens deals in its first stage, each with a seeded amount (1,000 to 100,000 EUR), an
     * expected close date, the mover as owner and an approved offer attached; none in hand, none for the baseline.
     *
     * @param crm   crmkit over the store
     * @param store the same store, as a pipeline store
     * @param ids   where the pipeline use case takes new ids from
     * @param deals how many deals
     * @param seed  the seed of amounts and close dates
     */
    public static Prepared prepare(Crm crm, PipelineStore store, IdGenerator ids, int deals, long seed) {
        return prepare(crm, store, ids, deals, 0, seed);
    }

    /**
     * {@link #prepare(Crm, PipelineStore, IdGenerator, int, long)}, then {@code others} more deals opened alike for the
     * pass of deals in hand ({@link Prepared#held}) and {@code others} more for the baseline pass
     * ({@link Prepared#baseline}).
     */
    public static Prepared prepare(Crm crm, PipelineStore store, IdGenerator ids, int deals, int others, long seed) {
        return prepare(crm, store, ids, deals, others, 0, seed);
    }

    /**
     * {@link #prepare(Crm, PipelineStore, IdGenerator, int, int, long)}, then {@code writeSets} more deals opened alike
     * for the pass of the write set by hand ({@link Prepared#writeSet}).
     */
    public static Prepared prepare(Crm crm, PipelineStore store, IdGenerator ids, int deals, int others,
                                   int writeSets, long seed) {
        DealPipeline pipelines = DealPipeline.builder().crm(crm).store(store).ids(ids).build();
        Pipeline pipeline = pipelines.definePipeline(definition());
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(crm.clock());
        int all = deals + 2 * others + writeSets;
        List<Deal> opened = new ArrayList<>(all);
        for (int i = 0; i < all; i++) {
            Money amount = Money.of(BigDecimal.valueOf(1_000 + random.nextInt(99_001)), EUR);
            Deal deal = pipelines.open(OpenDeal.of(pipeline.id(), "Bench deal " + (i + 1), amount, MOVER)
                    .closingOn(today.plusDays(30 + random.nextInt(180))));
            opened.add(pipelines.attachDocument(deal.id(), DOCUMENT_KIND, DOCUMENT_STATUS));
        }
        return new Prepared(pipelines, store, pipeline, opened.subList(0, deals),
                opened.subList(deals, deals + others), opened.subList(deals + others, deals + 2 * others),
                opened.subList(deals + 2 * others, all), crm.clock());
    }

    /**
     * Moves every deal forward through {@link #TARGETS}, one stage at a time for all deals before the next.
     *
     * @return the deals as stored after their last move
     * @throws IllegalStateException if any move is refused: the rules are meant to pass
     */
    public static List<Deal> moveAll(Prepared prepared) {
        return moveAll(prepared, prepared.deals(), false);
    }

    /**
     * Moves every deal in hand ({@link Prepared#held}) as {@link #moveAll(Prepared)} moves the others, through
     * {@link DealPipeline#move(Deal, MoveDeal)} with the deal its previous move returned.
     *
     * @return the deals as stored after their last move
     * @throws IllegalStateException if any move is refused: the rules are meant to pass
     */
    public static List<Deal> moveAllHeld(Prepared prepared) {
        return moveAll(prepared, prepared.held(), true);
    }

    private static List<Deal> moveAll(Prepared prepared, List<Deal> deals, boolean inHand) {
        List<Deal> current = new ArrayList<>(deals);
        for (String target : TARGETS) {
            for (int i = 0; i < current.size(); i++) {
                MoveDeal move = MoveDeal.to(current.get(i).id(), target, MOVER);
                StageChange change = inHand ? prepared.pipelines().move(current.get(i), move)
                        : prepared.pipelines().move(move);
                if (!(change instanceof StageChange.StageChanged moved)) {
                    throw new IllegalStateException("a move the benchmark expects to pass was refused: " + change);
                }
                current.set(i, moved.deal());
            }
        }
        return current;
    }

    /**
     * The in-memory baseline: the deals walked through {@link #TARGETS} again by {@link Deals#update} of a copy
     * that differs in the stage field only, with no rules, history, timeline or events.
     *
     * @param deals   the port
     * @param current the deals as stored; replaced by each update's result
     */
    public static void updateStages(Deals deals, List<Deal> current) {
        for (String target : TARGETS) {
            for (int i = 0; i < current.size(); i++) {
                current.set(i, deals.update(withStage(current.get(i), target)));
            }
        }
    }

    /** A copy of the deal in another stage, every other field (times and probability too) as it was. */
    public static Deal withStage(Deal d, String stage) {
        return new Deal(d.id(), d.version(), d.pipelineId(), d.title(), stage, d.stageEnteredAt(),
                d.stageProbability(), d.probabilityOverride(), d.amount(), d.expectedCloseDate(), d.expectedMargin(),
                d.owner(), d.contactId(), d.companyId(), d.leadId(), d.source(), d.customFields(), d.documents(),
                d.approvals(), d.lostReason(), d.wonAt(), d.lostAt(), d.createdAt(), d.updatedAt());
    }

    /**
     * The three passes in memory, timed in {@code rounds} rounds, each on a fresh {@link InMemoryCrmStore}, after a
     * warm-up on another one.
     *
     * @param rounds how many timed rounds, at least 1
     */
    public Result runInMemory(int rounds) {
        try {
            return run("in memory", InMemoryCrmStore.class.getSimpleName(), rounds, this::prepareInMemory,
                    prepared -> updateStages(prepared.store().deals(), new ArrayList<>(prepared.baseline())),
                    null, null);
        } catch (SQLException e) {
            throw new IllegalStateException("the in-memory store does not use SQL", e);
        }
    }

    private Prepared prepareInMemory(int deals) {
        IdGenerator ids = IdGenerator.seeded(settings.seed());
        InMemoryCrmStore store = InMemoryCrmStore.create();
        return prepare(crms.apply(store, ids), store, ids, deals, deals, settings.seed());
    }

    /**
     * The passes on a database, timed in {@code rounds} rounds, each into fresh tables, after a warm-up in fresh
     * tables; drops the tables afterwards. On PostgreSQL the write set by hand is a fourth pass.
     *
     * @param dataSource the database; its tables starting with {@value #PREFIX} are dropped
     * @param database   its product and version, for the result
     * @param where      where it is, for the result
     * @param rounds     how many timed rounds, at least 1
     */
    public Result runOn(DataSource dataSource, String database, String where, int rounds) throws SQLException {
        Dialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.of(c);
        }
        MoveWriteSet writeSet = MoveWriteSet.supports(dialect) ? new MoveWriteSet(PREFIX) : null;
        try {
            return run(database, where, rounds, deals -> {
                fresh(dataSource);
                return prepareOn(dataSource, dialect, deals, writeSet != null ? deals : 0);
            }, prepared -> updateRows(dataSource, dialect, prepared.baseline()), writeSet, dataSource);
        } finally {
            JdbcBenchmark.drop(dataSource);
        }
    }

    /** Opens the given number of deals (and as many in hand and for the baseline) in a fresh store. */
    @FunctionalInterface
    private interface Opening {
        Prepared open(int deals) throws SQLException;
    }

    /** The baseline pass over {@link Prepared#baseline}. */
    @FunctionalInterface
    private interface Baseline {
        void run(Prepared prepared) throws SQLException;
    }

    /**
     * The warm-up (all passes, untimed), then {@code rounds} rounds, each on deals opened afresh, its passes in the
     * order {@link #order(int, boolean)} gives; each pass checked to leave all its deals won, and on a database
     * ({@code db}) each pass but the baseline to add the rows of {@link MoveWriteSet#expectedRows}.
     *
     * @param writeSet the write set by hand, or null for none
     * @param db       the database, or null in memory
     */
    private Result run(String store, String where, int rounds, Opening opening, Baseline baseline,
                       MoveWriteSet writeSet, DataSource db) throws SQLException {
        if (rounds < 1) {
            throw new IllegalArgumentException("need at least one round, got " + rounds);
        }
        Passes passes = new Passes(baseline, writeSet, db);
        if (settings.warmup() > 0) {
            phases.accept(String.format(Locale.ROOT, "%s: warming up on %,d deals", store, settings.warmup()));
            Prepared warm = opening.open(settings.warmup());
            for (Pass pass : order(0, writeSet != null)) {
                passes.run(pass, warm);
            }
        }
        long[][] nanos = new long[Pass.values().length][rounds];
        long[][] bytes = new long[Pass.values().length][rounds];
        long[] won = new long[Pass.values().length];
        Arrays.fill(won, Long.MAX_VALUE);
        List<List<Pass>> orders = new ArrayList<>(rounds);
        Map<String, Long> board = Map.of();
        Map<String, Long> writeSetRows = Map.of();
        for (int round = 0; round < rounds; round++) {
            phases.accept(String.format(Locale.ROOT, "%s: round %d of %d, opening %,d deals per pass", store,
                    round + 1, rounds, settings.deals()));
            Prepared prepared = opening.open(settings.deals());
            List<Pass> order = order(round, writeSet != null);
            for (Pass pass : order) {
                phases.accept(String.format(Locale.ROOT, "%s: round %d of %d, timing %,d %s", store, round + 1,
                        rounds, moves(), pass.what()));
                long wonBefore = won(prepared);
                Map<String, Long> rowsBefore = passes.rows();
                long allocated = ALLOCATIONS.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                passes.run(pass, prepared);
                nanos[pass.ordinal()][round] = System.nanoTime() - start;
                bytes[pass.ordinal()][round] = (ALLOCATIONS.getCurrentThreadAllocatedBytes() - allocated) / moves();
                won[pass.ordinal()] = Math.min(won[pass.ordinal()], won(prepared) - wonBefore);
                Map<String, Long> added = passes.checkRows(pass, rowsBefore, settings.deals());
                if (pass == Pass.WRITE_SET) {
                    writeSetRows = added;
                }
            }
            orders.add(order);
            board = board(prepared);
        }
        Optional<WriteSetResult> writeSetResult = writeSet == null ? Optional.empty()
                : Optional.of(new WriteSetResult(times(nanos, Pass.WRITE_SET), won[Pass.WRITE_SET.ordinal()],
                writeSetRows));
        Map<Pass, Long> bytesPerMove = new java.util.EnumMap<>(Pass.class);
        for (Pass pass : order(0, writeSet != null)) {
            bytesPerMove.put(pass, times(bytes, pass).median());
        }
        return new Result(store, where, settings.deals(), moves(), times(nanos, Pass.CRMKIT),
                times(nanos, Pass.HELD), times(nanos, Pass.BASELINE), orders, board, won[Pass.CRMKIT.ordinal()],
                won[Pass.HELD.ordinal()], won[Pass.BASELINE.ordinal()], writeSetResult, bytesPerMove);
    }

    /** How a run makes each pass, and counts on a database the rows a pass adds. */
    private record Passes(Baseline baseline, MoveWriteSet writeSet, DataSource db) {

        void run(Pass pass, Prepared prepared) throws SQLException {
            switch (pass) {
                case CRMKIT -> moveAll(prepared);
                case HELD -> moveAllHeld(prepared);
                case BASELINE -> baseline.run(prepared);
                case WRITE_SET -> writeAll(db, writeSet, prepared);
            }
        }

        /** The rows of {@link MoveWriteSet#ROW_KINDS} now, or none in memory. */
        Map<String, Long> rows() throws SQLException {
            return db == null ? Map.of() : MoveWriteSet.tableRows(db, PREFIX, WON);
        }

        /**
         * The rows the pass added since {@code before}, checked to be exactly those of
         * {@link MoveWriteSet#expectedRows} unless it is the baseline's (which writes none of them); none in memory.
         */
        Map<String, Long> checkRows(Pass pass, Map<String, Long> before, int deals) throws SQLException {
            if (db == null) {
                return Map.of();
            }
            Map<String, Long> added = new LinkedHashMap<>();
            rows().forEach((kind, n) -> added.put(kind, n - before.get(kind)));
            Map<String, Long> expected = pass == Pass.BASELINE ? zero(added)
                    : MoveWriteSet.expectedRows(deals, TARGETS.size());
            if (!added.equals(expected)) {
                throw new IllegalStateException("the pass of " + pass.what() + " added " + added + ", expected "
                        + expected);
            }
            return added;
        }

        private static Map<String, Long> zero(Map<String, Long> kinds) {
            Map<String, Long> none = new LinkedHashMap<>();
            kinds.keySet().forEach(kind -> none.put(kind, 0L));
            return none;
        }
    }

    private static RoundTimes times(long[][] nanos, Pass pass) {
        return new RoundTimes(Arrays.stream(nanos[pass.ordinal()]).boxed().toList());
    }

    private static long won(Prepared prepared) {
        return board(prepared).getOrDefault(WON, 0L);
    }

    private Prepared prepareOn(DataSource dataSource, Dialect dialect, int deals, int writeSets) {
        IdGenerator ids = IdGenerator.seeded(settings.seed());
        JdbcCrmStore store = JdbcCrmStore.builder(dataSource).dialect(dialect).tablePrefix(PREFIX).build();
        return prepare(crms.apply(store, ids), store, ids, deals, deals, writeSets, settings.seed());
    }

    /**
     * The database baseline: {@link #TARGETS} walked again with one plain {@code UPDATE} per stage change on one
     * connection in auto-commit, each checked to change exactly one row.
     */
    private static void updateRows(DataSource dataSource, Dialect dialect, List<Deal> deals) throws SQLException {
        long[] versions = deals.stream().mapToLong(Deal::version).toArray();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement update = c.prepareStatement(UPDATE_SQL.replace("<prefix>", PREFIX))) {
                for (String target : TARGETS) {
                    for (int i = 0; i < deals.size(); i++) {
                        update.setString(1, target);
                        if (dialect == Dialect.MARIADB) {
                            update.setString(2, deals.get(i).id().value().toString());
                        } else {
                            update.setObject(2, deals.get(i).id().value());
                        }
                        update.setLong(3, versions[i]);
                        if (update.executeUpdate() != 1) {
                            throw new IllegalStateException("deal " + deals.get(i).id() + " is not at version "
                                    + versions[i]);
                        }
                        versions[i]++;
                    }
                }
            }
        }
    }

    /**
     * The write set's pass: {@link #TARGETS} walked with {@link MoveWriteSet#write} per move on one connection in
     * auto-commit, the client keeping each deal as the write set left it (version, stage and its entry time), as the
     * baseline's client keeps the versions; ids for the history rows and timeline entries from a seeded generator of
     * their own.
     */
    private static void writeAll(DataSource dataSource, MoveWriteSet writeSet, Prepared prepared)
            throws SQLException {
        List<Deal> current = new ArrayList<>(prepared.writeSet());
        IdGenerator ids = IdGenerator.seeded(current.size() * 31L + 7);
        String by = MOVER.user().value();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String target : TARGETS) {
                Stage stage = prepared.pipeline().definition().stage(target).orElseThrow();
                boolean won = stage.kind() == StageKind.WON;
                for (int i = 0; i < current.size(); i++) {
                    Deal deal = current.get(i);
                    Instant at = prepared.clock().instant();
                    writeSet.write(c, deal, target, stage.probability(), won, by, ids.next(), ids.next(), at);
                    current.set(i, written(deal, target, stage.probability(), won ? Optional.of(at) : deal.wonAt(),
                            at));
                }
            }
        }
    }

    /** The deal as the write set by hand left it: a version up, in the stage entered at {@code at}. */
    private static Deal written(Deal d, String stage, int probability, Optional<Instant> wonAt, Instant at) {
        return new Deal(d.id(), d.version() + 1, d.pipelineId(), d.title(), stage, at, probability,
                d.probabilityOverride(), d.amount(), d.expectedCloseDate(), d.expectedMargin(), d.owner(),
                d.contactId(), d.companyId(), d.leadId(), d.source(), d.customFields(), d.documents(), d.approvals(),
                d.lostReason(), wonAt, d.lostAt(), d.createdAt(), at);
    }

    /** Deals per stage of the benchmark's pipeline, in stage order, read through crmkit's board. */
    private static Map<String, Long> board(Prepared prepared) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (BoardColumn column : prepared.pipelines().forecasts()
                .board(DealFilter.pipeline(prepared.pipeline().id())).columns()) {
            out.put(column.stage().name(), column.count());
        }
        return out;
    }

    private long moves() {
        return (long) settings.deals() * TARGETS.size();
    }

    /** Drops the benchmark's tables and migrates them afresh. */
    private static void fresh(DataSource dataSource) throws SQLException {
        JdbcBenchmark.drop(dataSource);
        CrmSchema.migrate(dataSource, PREFIX);
    }
}
