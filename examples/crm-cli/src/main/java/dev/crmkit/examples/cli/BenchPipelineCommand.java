package dev.crmkit.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.examples.cli.bench.PipelineBenchmark;
import dev.crmkit.examples.cli.bench.RoundTimes;
import dev.crmkit.pipeline.definition.StageRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code crm bench pipeline}: stage moves through five rules per stage, next to stage updates without rules. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Open --deals deals in a pipeline of six open stages, won and lost, where every stage has five "
                + "entry rules (required fields, a required document, a positive amount, allowed movers, no "
                + "skipping), and move each forward stage by stage to won through crmkit; move as many other deals "
                + "the same way, each with the deal its last move returned (in hand); and change the stage of as "
                + "many other deals as often without rules: in memory by the Deals port's update, on a database by "
                + "a plain JDBC UPDATE per change in auto-commit. On PostgreSQL also write by hand, for as many "
                + "other deals as often, the rows a crmkit move writes (the deal's stage columns, the stage history "
                + "row, the reached stage, the timeline entry and its about row, the outbox rows) as one statement "
                + "per move in auto-commit: the write set, checked to add the same rows as crmkit's passes. Each of "
                + "--rounds rounds opens its deals afresh (same seed) and times the passes in an order that rotates "
                + "from round to round; reports per pass the median time (min-max) and moves/s, and the ratios of "
                + "the median times.",
                "Runs in memory, and also on the database of --jdbc-url (PostgreSQL or MariaDB) when given. Uses "
                        + "tables prefixed " + PipelineBenchmark.PREFIX + ", which it drops before each pass and at "
                        + "the end; no other table is touched."})
final class BenchPipelineCommand implements Callable<Integer> {

    /** Timed rounds in memory unless --rounds says otherwise. */
    private static final int MEMORY_ROUNDS = 5;

    /** Timed rounds on a database unless --rounds says otherwise: each costs seconds. */
    private static final int DATABASE_ROUNDS = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--deals", paramLabel = "N", defaultValue = "2000",
            description = "How many deals, each moved six times (default: ${DEFAULT-VALUE}).")
    private int deals;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Deals in the warm-up passes on each store (default: a quarter of --deals, at most 500).")
    private Integer warmup;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the amounts, close dates and ids (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Timed rounds per store; each figure is the median over them (default: 5 in memory, 1 "
                    + "on the database of --jdbc-url, since each database round takes seconds; when given, both "
                    + "stores run N rounds).")
    private Integer rounds;

    @Mixin
    private BenchFormat format = new BenchFormat();

    @Mixin
    private JdbcOptions jdbc = new JdbcOptions();

    @Override
    public Integer call() throws SQLException {
        PipelineBenchmark.Settings settings = settings();
        PipelineBenchmark benchmark = new PipelineBenchmark(settings,
                (store, ids) -> CrmSetup.on(store, "DE", Clock.systemUTC(), ids),
                BenchCommand.progress(spec));
        HikariDataSource target = jdbc.pool(spec).orElse(null);
        try {
            List<PipelineBenchmark.Result> results = new ArrayList<>();
            results.add(benchmark.runInMemory(rounds(MEMORY_ROUNDS)));
            if (target != null) {
                results.add(benchmark.runOn(target, Database.product(target),
                        Database.mask(jdbc.url().get()), rounds(DATABASE_ROUNDS)));
            }
            format.print(spec, () -> json(settings, results), out -> print(out, settings, results));
        } finally {
            if (target != null) {
                target.close();
            }
        }
        return 0;
    }

    private PipelineBenchmark.Settings settings() {
        if (deals < 1) {
            throw new ParameterException(spec.commandLine(), "--deals must be at least 1, got " + deals);
        }
        if (rounds != null && rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, got " + rounds);
        }
        int warm = warmup != null ? warmup : Math.min(deals / 4, 500);
        if (warm < 0 || warm > deals) {
            throw new ParameterException(spec.commandLine(), "--warmup must be between 0 and --deals, got " + warm);
        }
        return new PipelineBenchmark.Settings(deals, warm, seed);
    }

    private int rounds(int otherwise) {
        return rounds != null ? rounds : otherwise;
    }

    private static List<String> ruleNames() {
        return PipelineBenchmark.rules().stream().map(StageRule::name).toList();
    }

    private static void print(PrintWriter out, PipelineBenchmark.Settings s, List<PipelineBenchmark.Result> results) {
        out.printf("Stage moves through a pipeline of %d open stages, won and lost, %d rules per stage, one thread%n",
                PipelineBenchmark.OPEN_STAGES.size(), PipelineBenchmark.rules().size());
        out.printf("rules:    %s%n", String.join(", ", ruleNames()));
        out.printf("%s deals, each moved forward %d times to won (%s moves); warm-up on %s deals per store; seed %d%n",
                Reports.count(s.deals()), PipelineBenchmark.TARGETS.size(),
                Reports.count((long) s.deals() * PipelineBenchmark.TARGETS.size()), Reports.count(s.warmup()),
                s.seed());
        out.printf("crmkit:   DealPipeline.move, one unit of work per move (rules, deal, stage history, timeline, "
                + "events)%n");
        out.printf("in hand:  DealPipeline.move(Deal, MoveDeal) of as many other deals, each with the deal its last "
                + "move returned%n");
        out.printf("baseline: as many other deals' stage field changed as often without rules: in memory "
                + "Deals.update, on a database%n          UPDATE %sdeal SET stage = ?, version = version + 1 WHERE id "
                + "= ? AND "
                + "version = ? in auto-commit%n", PipelineBenchmark.PREFIX);
        out.printf("write set: on PostgreSQL, as many other deals moved by writing by hand the rows a crmkit move "
                + "writes, one%n          statement per move in auto-commit (deal, stage history, reached stage, "
                + "timeline entry and about row, outbox)%n");
        for (PipelineBenchmark.Result r : results) {
            out.println();
            out.printf("%s, %s%n", r.store(), r.where());
            out.printf("rounds:   %d, the passes' order rotating (%s); times are medians (min-max)%n", r.rounds(),
                    orders(r));
            out.printf("%-40s %12s %12s %10s  %s%n", "", "moves", "moves/s", "time", "min-max");
            line(out, "crmkit move with " + PipelineBenchmark.rules().size() + " rules per stage", r,
                    r.crmkitMovesPerSecond(), r.crmkit());
            line(out, "crmkit move of a deal in hand, same rules", r, r.heldMovesPerSecond(), r.held());
            line(out, "baseline: stage update without rules", r, r.baselineMovesPerSecond(), r.baseline());
            out.printf("%-40s %12s%n", "ratio (crmkit time / baseline time)",
                    String.format(Locale.ROOT, "%.2f x", r.ratio()));
            out.printf("%-40s %12s%n", "ratio, deal in hand (time / baseline)",
                    String.format(Locale.ROOT, "%.2f x", r.heldRatio()));
            r.writeSet().ifPresent(w -> {
                line(out, "write set by hand, one statement a move", r, w.movesPerSecond(r), w.times());
                out.printf("%-40s %12s%n", "ratio (write set time / baseline)",
                        String.format(Locale.ROOT, "%.2f x", w.overBaseline(r)));
                out.printf("%-40s %12s%n", "ratio (crmkit time / write set)",
                        String.format(Locale.ROOT, "%.2f x", w.ratio(r)));
                out.printf("%-40s %12s%n", "ratio, deal in hand (time / write set)",
                        String.format(Locale.ROOT, "%.2f x", w.heldRatio(r)));
                out.printf("  rows     the write set added %s, as each crmkit pass did%n", w.rows());
                out.printf("  won      %s of %s deals after the write set's pass%n", Reports.count(w.won()),
                        Reports.count(r.deals()));
            });
            out.printf("  bytes    allocated per move on the benchmark's thread (median of the rounds): %s%n",
                    String.join(", ", r.bytesPerMove().entrySet().stream().map(e -> name(e.getKey()) + " "
                            + Reports.count(e.getValue())).toList()));
            out.printf("  won      %s of %s deals after the crmkit pass, %s after the baseline pass (fewest in any "
                            + "round)%n",
                    Reports.count(r.won()), Reports.count(r.deals()), Reports.count(r.baselineWon()));
            out.printf("  won      %s of %s deals in hand after their pass%n", Reports.count(r.heldWon()),
                    Reports.count(r.deals()));
        }
        out.flush();
    }

    private static void line(PrintWriter out, String label, PipelineBenchmark.Result r, double movesPerSecond,
                             RoundTimes times) {
        out.printf("%-40s %12s %12s %8.2f s  %.2f-%.2f s%n", label, Reports.count(r.moves()),
                Reports.count(Math.round(movesPerSecond)), times.median() / 1e9, times.min() / 1e9,
                times.max() / 1e9);
    }

    /** The order of each round, as e.g. {@code crmkit held baseline | held baseline crmkit}. */
    private static String orders(PipelineBenchmark.Result r) {
        return String.join(" | ", r.orders().stream().map(order -> String.join(" ",
                order.stream().map(BenchPipelineCommand::name).toList())).toList());
    }

    private static String name(PipelineBenchmark.Pass pass) {
        return pass.name().toLowerCase(Locale.ROOT);
    }

    private static List<Double> seconds(RoundTimes times) {
        return times.nanos().stream().map(n -> n / 1e9).toList();
    }

    /** The bytes allocated per move by pass, keyed by the passes' names as in {@code orders}. */
    private static Map<String, Long> bytesPerMove(PipelineBenchmark.Result r) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        r.bytesPerMove().forEach((pass, n) -> out.put(name(pass), n));
        return out;
    }

    private static Map<String, Object> json(PipelineBenchmark.Settings s, List<PipelineBenchmark.Result> results) {
        List<Map<String, Object>> stores = new ArrayList<>();
        for (PipelineBenchmark.Result r : results) {
            Map<String, Object> store = JsonOutput.object(
                    "store", r.store(),
                    "where", r.where(),
                    "deals", r.deals(),
                    "moves", r.moves(),
                    "rounds", r.rounds(),
                    "orders", r.orders().stream().map(o -> o.stream().map(BenchPipelineCommand::name).toList())
                            .toList(),
                    "crmkitSeconds", r.crmkitNanos() / 1e9,
                    "crmkitRoundSeconds", seconds(r.crmkit()),
                    "heldRoundSeconds", seconds(r.held()),
                    "baselineRoundSeconds", seconds(r.baseline()),
                    "baselineSeconds", r.baselineNanos() / 1e9,
                    "crmkitMovesPerSecond", Math.round(r.crmkitMovesPerSecond()),
                    "baselineMovesPerSecond", Math.round(r.baselineMovesPerSecond()),
                    "ratio", Math.round(r.ratio() * 100) / 100.0,
                    "heldSeconds", r.heldNanos() / 1e9,
                    "heldMovesPerSecond", Math.round(r.heldMovesPerSecond()),
                    "heldRatio", Math.round(r.heldRatio() * 100) / 100.0,
                    "heldWon", r.heldWon(),
                    "won", r.won(),
                    "baselineWon", r.baselineWon(),
                    "board", r.board(),
                    "bytesPerMove", bytesPerMove(r));
            r.writeSet().ifPresent(w -> store.putAll(JsonOutput.object(
                    "writeSetSeconds", w.nanos() / 1e9,
                    "writeSetRoundSeconds", seconds(w.times()),
                    "writeSetMovesPerSecond", Math.round(w.movesPerSecond(r)),
                    "writeSetOverBaseline", Math.round(w.overBaseline(r) * 100) / 100.0,
                    "writeSetRatio", Math.round(w.ratio(r) * 100) / 100.0,
                    "heldWriteSetRatio", Math.round(w.heldRatio(r) * 100) / 100.0,
                    "writeSetWon", w.won(),
                    "writeSetRows", w.rows())));
            stores.add(store);
        }
        return JsonOutput.object(
                "deals", s.deals(),
                "openStages", PipelineBenchmark.OPEN_STAGES,
                "movesPerDeal", PipelineBenchmark.TARGETS.size(),
                "rulesPerStage", PipelineBenchmark.rules().size(),
                "rules", ruleNames(),
                "warmup", s.warmup(),
                "seed", s.seed(),
                "tablePrefix", PipelineBenchmark.PREFIX,
                "stores", stores);
    }
}
