package dev.crmkit.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.adapters.jdbc.RotationTicketsInUse;
import dev.crmkit.examples.cli.bench.ScoringBenchmark;
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
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code crm bench scoring}: batch rescoring with explanations next to reading the rules' inputs, and round-robin
 * assignment (on a database by four nodes) next to plain owner writes.
 */
@Command(name = "scoring", mixinStandardHelpOptions = true,
        description = {"Capture --leads leads with seeded histories (site visits, downloads, clicks, opens, chats, "
                + "calls), then (a) rescore all of them in chunks with the standard model, every score with its "
                + "explanation, next to reading the same inputs page by page and summing them without the model; "
                + "(b) assign every lead round robin to a team of seven, next to writing an owner to every lead "
                + "without a policy, and (on PostgreSQL and MariaDB) to writing by hand, in one transaction and one "
                + "round trip per lead, the rows an assignment writes. Checks after each assignment pass that every "
                + "lead has exactly one owner and the counts per person differ by at most one.",
                "Runs in memory (one node), and also on the database of --jdbc-url when given, there with "
                        + ScoringBenchmark.NODES + " nodes (pools) on one thread each. Uses tables prefixed "
                        + ScoringBenchmark.PREFIX + ", which it drops before each pass and at the end; no other table "
                        + "is touched."})
final class BenchScoringCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--leads", paramLabel = "N", defaultValue = "20000",
            description = "How many leads (default: ${DEFAULT-VALUE}).")
    private int leads;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Leads in the warm-up passes on each store (default: a quarter of --leads, at most 2000).")
    private Integer warmup;

    @Option(names = "--chunk", paramLabel = "N", defaultValue = "500",
            description = "Leads per rescoring chunk and baseline page, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    private int chunk;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the leads, their histories, the ids and the rotation (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--strict-rotation",
            description = "On the database, build the stores with strict rotation: every rotation ticket taken inside "
                    + "its assignment's unit (JdbcCrmStore.Builder.strictRotation; by default, on PostgreSQL, tickets "
                    + "come from a sequence per rotation inside the units).")
    private boolean strictRotation;

    @Option(names = "--rotation-tickets-ahead",
            description = "On PostgreSQL, build the stores with rotation tickets taken ahead of each assignment's unit "
                    + "(JdbcCrmStore.Builder.rotationTicketsAhead; the default before tickets from a sequence).")
    private boolean ticketsAhead;

    @Mixin
    private BenchFormat format = new BenchFormat();

    @Mixin
    private JdbcOptions jdbc = new JdbcOptions();

    @Override
    public Integer call() throws SQLException, InterruptedException {
        ScoringBenchmark.Settings settings = settings();
        ScoringBenchmark benchmark = new ScoringBenchmark(settings,
                (store, ids) -> CrmSetup.on(store, "DE", Clock.systemUTC(), ids), BenchCommand.progress(spec));
        List<HikariDataSource> nodes = new ArrayList<>();
        try {
            jdbc.pool(spec).ifPresent(nodes::add);
            List<ScoringBenchmark.Result> results = new ArrayList<>();
            results.add(benchmark.runInMemory());
            if (!nodes.isEmpty()) {
                while (nodes.size() < ScoringBenchmark.NODES) {
                    nodes.add(Database.pool(jdbc.url().get(), jdbc.user(), jdbc.password()));
                }
                results.add(benchmark.runOn(nodes, Database.product(nodes.get(0)),
                        Database.mask(jdbc.url().get())));
            }
            format.print(spec, () -> json(settings, results), out -> print(out, settings, results));
        } finally {
            nodes.forEach(HikariDataSource::close);
        }
        return 0;
    }

    private ScoringBenchmark.Settings settings() {
        if (leads < 1) {
            throw new ParameterException(spec.commandLine(), "--leads must be at least 1, got " + leads);
        }
        if (chunk < 1 || chunk > 1000) {
            throw new ParameterException(spec.commandLine(), "--chunk must be between 1 and 1000, got " + chunk);
        }
        int warm = warmup != null ? warmup : Math.max(1, Math.min(leads / 4, 2000));
        if (warm < 1 || warm > leads) {
            throw new ParameterException(spec.commandLine(), "--warmup must be between 1 and --leads, got " + warm);
        }
        if (strictRotation && ticketsAhead) {
            throw new ParameterException(spec.commandLine(),
                    "--strict-rotation and --rotation-tickets-ahead exclude each other");
        }
        return new ScoringBenchmark.Settings(leads, warm, chunk, seed, strictRotation, ticketsAhead);
    }

    private static void print(PrintWriter out, ScoringBenchmark.Settings s, List<ScoringBenchmark.Result> results) {
        out.printf("Lead scoring and round-robin assignment to a team of %d (%s)%n",
                ScoringBenchmark.TEAM.members().size(), String.join(", ",
                        ScoringBenchmark.TEAM.members().stream().map(m -> m.user().value()).toList()));
        out.printf("%s leads with 0-8 timeline entries each; chunks of %s; warm-up on %s leads per store; seed %d%n",
                Reports.count(s.leads()), Reports.count(s.chunk()), Reports.count(s.warmup()), s.seed());
        out.printf("scoring   crmkit:   LeadScoring.rescoreAll with the standard model (15 rules, 5 groups, decay), "
                + "every score with its explanation, scores written per chunk%n");
        out.printf("          baseline: the same inputs read page by page (lead, contact, company, timeline) and "
                + "summed, no model, no writes%n");
        out.printf("assign    crmkit:   LeadAssignment.assign, round robin, one decision per lead (claim, owner, "
                + "timeline, events)%n");
        out.printf("          baseline: an owner written per lead without a policy: in memory Leads.update, on a "
                + "database%n                    UPDATE %slead SET owner_id = ?, version = version + 1 WHERE id = ? "
                + "AND version = ? in auto-commit%n", ScoringBenchmark.PREFIX);
        out.printf("          write set by hand (PostgreSQL, MariaDB): crmkit's rows (ticket, claim, owner, timeline "
                + "entry, 2 about rows,%n                    3 outbox rows) in plain JDBC, one transaction and one "
                + "round trip per lead%n");
        for (ScoringBenchmark.Result r : results) {
            ScoringBenchmark.ScoringResult sc = r.scoring();
            ScoringBenchmark.AssignmentResult as = r.assignment();
            out.println();
            out.printf("%s, %s%n", r.store(), r.where());
            out.printf("%-50s %10s %12s %10s%n", "", "leads", "per second", "time");
            out.printf("%-50s %10s %12s %8.2f s%n", "scoring: crmkit rescoreAll with explanations",
                    Reports.count(sc.scored()), Reports.count(Math.round(sc.crmkitPerSecond())),
                    sc.crmkitNanos() / 1e9);
            out.printf("%-50s %10s %12s %8.2f s%n", "scoring: baseline read and sum of inputs",
                    Reports.count(sc.leads()), Reports.count(Math.round(sc.baselinePerSecond())),
                    sc.baselineNanos() / 1e9);
            out.printf("%-50s %10s%n", "scoring ratio (crmkit time / baseline time)", ratio(sc.ratio()));
            out.printf("  scores   %s, mean %.1f%n", sc.temperatures(), sc.averageScore());
            out.printf("  best     %s%n", String.join("; ", sc.example()));
            String where = as.nodes() + " node" + (as.nodes() == 1 ? "" : "s") + ", " + as.threads() + " thread"
                    + (as.threads() == 1 ? "" : "s") + ticketsLabel(as.tickets());
            out.printf("%-50s %10s %12s %8.2f s%n", "assign: crmkit round robin (" + where + ")",
                    Reports.count(as.decisions()), Reports.count(Math.round(as.crmkitPerSecond())),
                    as.crmkitNanos() / 1e9);
            out.printf("%-50s %10s %12s %8.2f s%n", "assign: baseline owner write (" + where + ")",
                    Reports.count(as.decisions()), Reports.count(Math.round(as.baselinePerSecond())),
                    as.baselineNanos() / 1e9);
            out.printf("%-50s %10s%n", "assign ratio (crmkit time / baseline time)", ratio(as.ratio()));
            as.writeSet().ifPresent(w -> out.printf("%-50s %10s %12s %8.2f s   crmkit / this %s%n",
                    "assign: write set by hand (" + where + ")", Reports.count(as.decisions()),
                    Reports.count(Math.round(w.perSecond(as))), w.nanos() / 1e9, ratio(w.ratio(as))));
            out.printf("  fairness crmkit:   every lead exactly one owner, per person %s (spread %d), units rerun "
                    + "after a conflict: %d%n", as.counts(), as.spread(), as.reruns());
            out.printf("  fairness baseline: every lead exactly one owner, per person %s (spread %d)%n",
                    as.baselineCounts(), as.baselineSpread());
        }
        out.flush();
    }

    /**
     * The text report's words for how the stores took rotation tickets
     * ({@link dev.crmkit.adapters.jdbc.JdbcCrmStore#rotationTickets()}):
     * nothing in memory or where tickets are taken on the rotation's row inside the unit (H2, MariaDB).
     */
    private static String ticketsLabel(Optional<RotationTicketsInUse> tickets) {
        if (tickets.isEmpty()) {
            return "";
        }
        RotationTicketsInUse t = tickets.get();
        if (t.rotationsOnTheRow() != 0) {
            return ", tickets: " + t;
        }
        return switch (t.mode()) {
            case ROW -> "";
            case SEQUENCE -> ", tickets from a sequence";
            case AHEAD -> ", tickets ahead";
            case STRICT -> ", strict rotation";
        };
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f x", ratio);
    }

    private static Map<String, Object> json(ScoringBenchmark.Settings s, List<ScoringBenchmark.Result> results) {
        List<Map<String, Object>> stores = new ArrayList<>();
        for (ScoringBenchmark.Result r : results) {
            ScoringBenchmark.ScoringResult sc = r.scoring();
            ScoringBenchmark.AssignmentResult as = r.assignment();
            Map<String, Object> assignment = JsonOutput.object(
                    "nodes", as.nodes(),
                    "threads", as.threads(),
                    "decisions", as.decisions(),
                    "crmkitSeconds", as.crmkitNanos() / 1e9,
                    "baselineSeconds", as.baselineNanos() / 1e9,
                    "crmkitDecisionsPerSecond", Math.round(as.crmkitPerSecond()),
                    "baselineDecisionsPerSecond", Math.round(as.baselinePerSecond()),
                    "ratio", Math.round(as.ratio() * 100) / 100.0,
                    "counts", as.counts(),
                    "spread", as.spread(),
                    "baselineCounts", as.baselineCounts(),
                    "baselineSpread", as.baselineSpread(),
                    "everyLeadOneOwner", true,
                    "rerunsAfterConflict", as.reruns(),
                    "rotationTicketsAhead", as.ticketsAhead(),
                    "rotationTickets", as.ticketsText());
            as.writeSet().ifPresent(w -> assignment.putAll(JsonOutput.object(
                    "writeSetSeconds", w.nanos() / 1e9,
                    "writeSetDecisionsPerSecond", Math.round(w.perSecond(as)),
                    "writeSetRatio", Math.round(w.ratio(as) * 100) / 100.0,
                    "writeSetCounts", w.counts(),
                    "writeSetSpread", w.spread(),
                    "writeSetRows", w.rows())));
            stores.add(JsonOutput.object(
                    "store", r.store(),
                    "where", r.where(),
                    "scoring", JsonOutput.object(
                            "leads", sc.leads(),
                            "scored", sc.scored(),
                            "crmkitSeconds", sc.crmkitNanos() / 1e9,
                            "baselineSeconds", sc.baselineNanos() / 1e9,
                            "crmkitLeadsPerSecond", Math.round(sc.crmkitPerSecond()),
                            "baselineLeadsPerSecond", Math.round(sc.baselinePerSecond()),
                            "ratio", Math.round(sc.ratio() * 100) / 100.0,
                            "temperatures", sc.temperatures(),
                            "averageScore", Math.round(sc.averageScore() * 10) / 10.0,
                            "bestExplanation", sc.example()),
                    "assignment", assignment));
        }
        return JsonOutput.object(
                "leads", s.leads(),
                "warmup", s.warmup(),
                "chunk", s.chunk(),
                "seed", s.seed(),
                "strictRotationAsked", s.strictRotation(),
                "team", ScoringBenchmark.TEAM.members().stream().map(m -> m.user().value()).toList(),
                "tablePrefix", ScoringBenchmark.PREFIX,
                "stores", stores);
    }
}
