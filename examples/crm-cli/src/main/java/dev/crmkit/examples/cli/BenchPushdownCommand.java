package dev.crmkit.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.examples.cli.bench.PushdownBenchmark;
import dev.crmkit.metrics.funnel.StageCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code crm bench pushdown}: funnel counts computed inside the database, next to loading the rows into Java. */
@Command(name = "pushdown", mixinStandardHelpOptions = true,
        description = {"Write --events generated stage events (deals on a seeded random walk through six stages) "
                + "as crmkit stage history rows into a fresh crmkit schema in the database of --jdbc-url "
                + "(PostgreSQL; MariaDB and H2 work too), fill the reached stages kept per deal from them "
                + "(CrmSchema.fillStageReach), then count how many deals reached each stage three ways: by pushdown "
                + "over the kept rows (JdbcMetrics.pipelineFunnelCounts, one row per deal), by pushdown over the "
                + "events (JdbcMetrics.funnelCounts, the way before), and by loading the rows into Java (SELECT with "
                + "a fetch size into StageEntry objects) and running crm-metrics' StageHistoryFunnel. Checks the "
                + "answers are equal; reports the times and the ratios to the Java way.",
                "Uses tables with the prefix " + PushdownBenchmark.PREFIX + ", which it drops before and after; no "
                        + "other table is touched."})
final class BenchPushdownCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "10000000",
            description = "How many stage events (default: ${DEFAULT-VALUE}).")
    private int events;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The random walk's seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private BenchFormat format = new BenchFormat();

    @Mixin
    private JdbcOptions jdbc = new JdbcOptions();

    @Override
    public Integer call() throws SQLException {
        if (events < 1) {
            throw new ParameterException(spec.commandLine(), "--events must be at least 1, got " + events);
        }
        if (jdbc.url().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "crm bench pushdown needs a database: give --jdbc-url "
                    + "(for example jdbc:postgresql://localhost:5432/crm) or set CRM_JDBC_URL");
        }
        HikariDataSource pool = jdbc.pool(spec).orElseThrow();
        try (HikariDataSource target = pool) {
            Dialect dialect;
            try (Connection c = target.getConnection()) {
                dialect = Dialect.of(c);
            }
            PushdownBenchmark benchmark = new PushdownBenchmark(events, seed, BenchCommand.progress(spec));
            PushdownBenchmark.Result result = benchmark.run(target, dialect);
            String database = Database.product(target);
            String where = Database.mask(jdbc.url().get());
            format.print(spec, () -> json(database, where, result), out -> print(out, database, where, result));
        }
        return 0;
    }

    private void print(PrintWriter out, String database, String where, PushdownBenchmark.Result r) {
        out.printf("Funnel counts over %s stage events of %s deals (%d stages), seed %d%n", Reports.count(r.events()),
                Reports.count(r.deals()), PushdownBenchmark.STAGES.size(), seed);
        out.printf("%s, %s; table %s loaded in %.1f s (%s rows/s)%n", database, where, PushdownBenchmark.TABLE,
                r.loadNanos() / 1e9, Reports.count(Math.round(r.events() / Math.max(1e-9, r.loadNanos() / 1e9))));
        out.printf("reached stages per deal filled from the events in %.1f s (crmkit keeps them with each entry)%n",
                r.fillNanos() / 1e9);
        out.printf("reached: %s%n", String.join(", ", r.pushdownCounts().stream()
                .map(s -> s.stage() + " " + Reports.count(s.count())).toList()));
        out.printf("%-48s %8.2f s%n", "pushdown (JdbcMetrics.pipelineFunnelCounts)", r.pushdownNanos() / 1e9);
        out.printf("%-48s %8.2f s%n", "event pushdown (JdbcMetrics.funnelCounts)", r.eventPushdownNanos() / 1e9);
        out.printf("%-48s %8.2f s   (select %.2f s, calculate %.2f s)%n",
                "rows into Java + StageHistoryFunnel", r.javaNanos() / 1e9, r.selectNanos() / 1e9,
                r.calculateNanos() / 1e9);
        out.printf("%-48s %10s%n", "ratio (Java time / pushdown time)",
                String.format(Locale.ROOT, "%.2f x", r.ratio()));
        out.printf("%-48s %10s%n", "ratio (Java time / event pushdown time)",
                String.format(Locale.ROOT, "%.2f x", r.eventRatio()));
        out.printf("answers equal: %s%n", r.equal() ? "yes" : "no");
        out.flush();
    }

    private Map<String, Object> json(String database, String where, PushdownBenchmark.Result r) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (StageCount s : r.pushdownCounts()) {
            counts.put(s.stage(), s.count());
        }
        return JsonOutput.object(
                "events", r.events(),
                "deals", r.deals(),
                "seed", seed,
                "database", database,
                "where", where,
                "table", PushdownBenchmark.TABLE,
                "loadSeconds", r.loadNanos() / 1e9,
                "fillSeconds", r.fillNanos() / 1e9,
                "pushdownSeconds", r.pushdownNanos() / 1e9,
                "eventPushdownSeconds", r.eventPushdownNanos() / 1e9,
                "javaSeconds", r.javaNanos() / 1e9,
                "javaSelectSeconds", r.selectNanos() / 1e9,
                "javaCalculateSeconds", r.calculateNanos() / 1e9,
                "ratio", Math.round(r.ratio() * 100) / 100.0,
                "eventRatio", Math.round(r.eventRatio() * 100) / 100.0,
                "equal", r.equal(),
                "reached", counts);
    }
}
