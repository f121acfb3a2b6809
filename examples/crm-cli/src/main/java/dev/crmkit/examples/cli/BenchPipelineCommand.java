package dev.crmkit.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.examples.cli.bench.PipelineBenchmark;
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
                + "skipping), and move each forward stage by stage to won through crmkit; then change the stage of "
                + "the same deals as often without rules: in memory by the Deals port's update, on a database by a "
                + "plain JDBC UPDATE per change in auto-commit. Reports moves/s of both and the ratio of their times.",
                "Runs in memory, and also on the database of --jdbc-url (PostgreSQL or MariaDB) when given. Uses "
                        + "tables prefixed " + PipelineBenchmark.PREFIX + ", which it drops before each pass and at "
                        + "the end; no other table is touched."})
final class BenchPipelineCommand implements Callable<Integer> {

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
            results.add(benchmark.runInMemory());
            if (target != null) {
                results.add(benchmark.runOn(target, Database.product(target),
                        Database.mask(jdbc.url().get())));
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
        int warm = warmup != null ? warmup : Math.min(deals / 4, 500);
        if (warm < 0 || warm > deals) {
            throw new ParameterException(spec.commandLine(), "--warmup must be between 0 and --deals, got " + warm);
        }
        return new PipelineBenchmark.Settings(deals, warm, seed);
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
        out.printf("baseline: the same deals' stage field changed as often without rules: in memory Deals.update, "
                + "on a database%n          UPDATE %sdeal SET stage = ?, version = version + 1 WHERE id = ? AND "
                + "version = ? in auto-commit%n", PipelineBenchmark.PREFIX);
        for (PipelineBenchmark.Result r : results) {
            out.println();
            out.printf("%s, %s%n", r.store(), r.where());
            out.printf("%-40s %12s %12s %10s%n", "", "moves", "moves/s", "time");
            out.printf("%-40s %12s %12s %8.2f s%n", "crmkit move with " + PipelineBenchmark.rules().size()
                            + " rules per stage", Reports.count(r.moves()),
                    Reports.count(Math.round(r.crmkitMovesPerSecond())), r.crmkitNanos() / 1e9);
            out.printf("%-40s %12s %12s %8.2f s%n", "crmkit move of a deal in hand, same rules",
                    Reports.count(r.moves()), Reports.count(Math.round(r.heldMovesPerSecond())),
                    r.heldNanos() / 1e9);
            out.printf("%-40s %12s %12s %8.2f s%n", "baseline: stage update without rules",
                    Reports.count(r.moves()), Reports.count(Math.round(r.baselineMovesPerSecond())),
                    r.baselineNanos() / 1e9);
            out.printf("%-40s %12s%n", "ratio (crmkit time / baseline time)",
                    String.format(Locale.ROOT, "%.2f x", r.ratio()));
            out.printf("%-40s %12s%n", "ratio, deal in hand (time / baseline)",
                    String.format(Locale.ROOT, "%.2f x", r.heldRatio()));
            out.printf("  won      %s of %s deals after the crmkit pass, %s after the baseline pass%n",
                    Reports.count(r.won()), Reports.count(r.deals()), Reports.count(r.baselineWon()));
            out.printf("  won      %s of %s deals in hand after their pass%n", Reports.count(r.heldWon()),
                    Reports.count(r.deals()));
        }
        out.flush();
    }

    private static Map<String, Object> json(PipelineBenchmark.Settings s, List<PipelineBenchmark.Result> results) {
        List<Map<String, Object>> stores = new ArrayList<>();
        for (PipelineBenchmark.Result r : results) {
            stores.add(JsonOutput.object(
                    "store", r.store(),
                    "where", r.where(),
                    "deals", r.deals(),
                    "moves", r.moves(),
                    "crmkitSeconds", r.crmkitNanos() / 1e9,
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
                    "board", r.board()));
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
