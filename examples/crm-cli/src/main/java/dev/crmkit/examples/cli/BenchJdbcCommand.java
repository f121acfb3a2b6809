package dev.crmkit.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.cli.bench.JdbcBenchmark;
import dev.crmkit.examples.cli.leadimport.LeadImport;
import dev.crmkit.examples.cli.leadimport.OutcomeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code crm bench jdbc}: importing leads into a database through crmkit, next to raw JDBC inserts of its rows. */
@Command(name = "jdbc", mixinStandardHelpOptions = true,
        description = {"Import generated leads (with repeats and bad ones) into a database through crmkit, with "
                + "de-duplication, in chunks of --batch-size per transaction as crm import does; then write the "
                + "rows crmkit wrote into the same, fresh tables with plain JDBC batch inserts and no library "
                + "logic. Reports rows/s of both and the ratio of their times.",
                "Runs on an H2 database in a temporary file, and also on the database of --jdbc-url "
                        + "(PostgreSQL or MariaDB) when given. Uses tables prefixed " + JdbcBenchmark.PREFIX
                        + ", which it drops before each pass and at the end; no other table is touched."})
final class BenchJdbcCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--leads", paramLabel = "N", defaultValue = "100000",
            description = "How many submissions (default: ${DEFAULT-VALUE}).")
    private int leads;

    @Mixin
    private GeneratedLeadsOptions generated;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Submissions in the warm-up passes on each database (default: a tenth of --leads, at "
                    + "most 5,000).")
    private Integer warmup;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + LeadImport.DEFAULT_BATCH_SIZE,
            description = "Submissions per transaction in the crmkit pass (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Mixin
    private BenchFormat format = new BenchFormat();

    @Option(names = "--ids", paramLabel = "time-ordered|random", defaultValue = "time-ordered",
            description = "The ids of the records: time-ordered (UUID v7, crmkit's default) or random (UUID v4, "
                    + "to compare). Both seeded with --seed.")
    private String idsOption;

    @Mixin
    private JdbcOptions jdbc = new JdbcOptions();

    @Option(names = "--capture", paramLabel = "one-by-one|bulk|both", defaultValue = "both",
            description = "The crmkit passes: capture one by one, bulk capture (a chunk at once), or both, each on "
                    + "fresh tables and checked to write the same rows (default: ${DEFAULT-VALUE}).")
    private String captureOption;

    @Option(names = "--no-h2", description = "With --jdbc-url: skip the run on H2 in a temporary file.")
    private boolean noH2;

    /** Which ids the benchmark gives its records. */
    enum IdKind {
        TIME_ORDERED, RANDOM;

        static IdKind of(CommandSpec spec, String text) {
            for (IdKind kind : values()) {
                if (kind.toString().equals(text)) {
                    return kind;
                }
            }
            throw new ParameterException(spec.commandLine(), "--ids must be time-ordered or random, got " + text);
        }

        IdGenerator generator(Clock clock, long seed) {
            return this == RANDOM ? IdGenerator.seeded(seed) : IdGenerator.timeOrdered(clock, seed);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Override
    public Integer call() throws IOException, SQLException {
        JdbcBenchmark.Settings settings = settings();
        IdKind ids = IdKind.of(spec, idsOption);
        PrintWriter err = spec.commandLine().getErr();
        JdbcBenchmark benchmark = new JdbcBenchmark(settings,
                store -> CrmSetup.on(store, "DE", Clock.systemUTC(),
                        ids.generator(Clock.systemUTC(), generated.seed())),
                BenchCommand.progress(spec));
        HikariDataSource target = jdbc.pool(spec).orElse(null);
        List<JdbcBenchmark.Result> results = new ArrayList<>();
        Path folder = Files.createTempDirectory("crm-bench-");
        try {
            err.println("crm bench: generating " + Reports.count(leads) + " submissions ...");
            err.flush();
            long start = System.nanoTime();
            List<LeadSubmission> data = benchmark.generate();
            long generation = System.nanoTime() - start;
            String h2Url = "jdbc:h2:file:" + folder.resolve("bench");
            if (!noH2 || target == null) {
                try (HikariDataSource h2 = Database.pool(h2Url, Optional.empty(), Optional.empty())) {
                    results.add(benchmark.run(h2, Database.product(h2), "temporary file " + folder.resolve("bench"),
                            data));
                }
            }
            if (target != null) {
                results.add(benchmark.run(target, Database.product(target),
                        Database.mask(jdbc.url().get()), data));
            }
            format.print(spec, () -> json(settings, ids, generation, results),
                    out -> print(out, settings, ids, generation, results));
        } finally {
            if (target != null) {
                target.close();
            }
            delete(folder);
        }
        return 0;
    }

    private JdbcBenchmark.Settings settings() {
        generated.check(leads);
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, got " + batchSize);
        }
        int warm = generated.warmup(warmup, Math.min(leads / 10, 5_000), leads);
        JdbcBenchmark.Passes passes = switch (captureOption) {
            case "one-by-one" -> JdbcBenchmark.Passes.ONE_BY_ONE;
            case "bulk" -> JdbcBenchmark.Passes.BULK;
            case "both" -> JdbcBenchmark.Passes.BOTH;
            default -> throw new ParameterException(spec.commandLine(),
                    "--capture must be one-by-one, bulk or both, got " + captureOption);
        };
        return new JdbcBenchmark.Settings(leads, generated.duplicateShare(), generated.invalidShare(),
                generated.seed(), warm, batchSize, passes);
    }

    private static void print(PrintWriter out, JdbcBenchmark.Settings s, IdKind ids, long generation,
                              List<JdbcBenchmark.Result> results) {
        out.printf("Lead import into a database, %s submissions (%.0f%% repeats, %.1f%% bad), seed %d, %s ids, "
                        + "one thread%n", Reports.count(s.leads()), s.duplicateShare() * 100, s.invalidShare() * 100,
                s.seed(), ids);
        out.printf("generated in %.1f s; warm-up on %s submissions per database; fresh tables %s* for each pass%n",
                generation / 1e9, Reports.count(s.warmup()), JdbcBenchmark.PREFIX);
        out.printf("crmkit: capture with de-duplication, %s submissions per transaction (%s)%n",
                Reports.count(s.batchSize()), s.passes() == JdbcBenchmark.Passes.BOTH
                        ? "one by one, then bulk capture of each chunk at once"
                        : s.passes() == JdbcBenchmark.Passes.BULK ? "bulk capture of each chunk at once"
                        : "one by one");
        out.printf("raw:    the same rows, plain INSERT statements in JDBC batches of 1,000, a commit every 5,000 "
                + "rows%n");
        for (JdbcBenchmark.Result r : results) {
            out.println();
            out.printf("%s, %s%n", r.database(), r.where());
            out.printf("%-40s %12s %12s %10s%n", "", "rows", "rows/s", "time");
            if (r.crmkitNanos() > 0) {
                out.printf("%-40s %12s %12s %8.2f s   (%s submissions/s)%n", "crmkit import with de-duplication",
                        Reports.count(r.rows()), Reports.count(Math.round(r.crmkitRowsPerSecond())),
                        r.crmkitNanos() / 1e9, Reports.count(Math.round(r.submissionsPerSecond())));
            }
            if (r.bulkNanos() > 0) {
                out.printf("%-40s %12s %12s %8.2f s   (%s submissions/s)%n", "crmkit bulk capture, same outcomes",
                        Reports.count(r.rows()), Reports.count(Math.round(r.bulkRowsPerSecond())),
                        r.bulkNanos() / 1e9, Reports.count(Math.round(r.bulkSubmissionsPerSecond())));
            }
            out.printf("%-40s %12s %12s %8.2f s%n", "raw JDBC batch insert of the same rows",
                    Reports.count(r.rows()), Reports.count(Math.round(r.rawRowsPerSecond())), r.rawNanos() / 1e9);
            if (r.crmkitNanos() > 0) {
                out.printf("%-40s %12s%n", "ratio (crmkit time / raw time)",
                        String.format(Locale.ROOT, "%.2f x", r.ratio()));
            }
            if (r.bulkNanos() > 0) {
                out.printf("%-40s %12s%n", "ratio (bulk time / raw time)",
                        String.format(Locale.ROOT, "%.2f x", r.bulkRatio()));
            }
            out.printf("  rows     %s%n", String.join(", ", r.tables().entrySet().stream()
                    .map(e -> e.getKey() + " " + Reports.count(e.getValue())).toList()));
            out.printf("  outcomes %s%n", String.join(", ", r.outcomes().entrySet().stream()
                    .map(e -> e.getKey().label() + " " + Reports.count(e.getValue())).toList()));
            r.indexSizes().ifPresent(x -> out.printf("  indexes  %s, %s bytes; %s bytes (%s)%n",
                    "after the crmkit pass", Reports.count(x.primaryKey()), Reports.count(x.secondary()), x.how()));
        }
        out.flush();
    }

    private static Map<String, Object> json(JdbcBenchmark.Settings s, IdKind ids, long generation,
                                            List<JdbcBenchmark.Result> results) {
        List<Map<String, Object>> databases = new ArrayList<>();
        for (JdbcBenchmark.Result r : results) {
            Map<String, Object> outcomes = new LinkedHashMap<>();
            r.outcomes().forEach((OutcomeKind kind, Long n) -> outcomes.put(kind.jsonName(), n));
            databases.add(JsonOutput.object(
                    "database", r.database(),
                    "where", r.where(),
                    "rows", r.rows(),
                    "crmkitSeconds", r.crmkitNanos() > 0 ? r.crmkitNanos() / 1e9 : null,
                    "bulkSeconds", r.bulkNanos() > 0 ? r.bulkNanos() / 1e9 : null,
                    "rawSeconds", r.rawNanos() / 1e9,
                    "crmkitRowsPerSecond", r.crmkitNanos() > 0 ? Math.round(r.crmkitRowsPerSecond()) : null,
                    "bulkRowsPerSecond", r.bulkNanos() > 0 ? Math.round(r.bulkRowsPerSecond()) : null,
                    "rawRowsPerSecond", Math.round(r.rawRowsPerSecond()),
                    "crmkitSubmissionsPerSecond", r.crmkitNanos() > 0 ? Math.round(r.submissionsPerSecond()) : null,
                    "bulkSubmissionsPerSecond", r.bulkNanos() > 0 ? Math.round(r.bulkSubmissionsPerSecond()) : null,
                    "ratio", r.crmkitNanos() > 0 ? Math.round(r.ratio() * 100) / 100.0 : null,
                    "bulkRatio", r.bulkNanos() > 0 ? Math.round(r.bulkRatio() * 100) / 100.0 : null,
                    "tables", r.tables(),
                    "outcomes", outcomes,
                    "indexBytes", r.indexSizes().map(x -> JsonOutput.object("primaryKey", x.primaryKey(),
                            "secondary", x.secondary(), "how", x.how())).orElse(null)));
        }
        return JsonOutput.object(
                "leads", s.leads(),
                "duplicateShare", s.duplicateShare(),
                "invalidShare", s.invalidShare(),
                "seed", s.seed(),
                "ids", ids.toString(),
                "warmup", s.warmup(),
                "batchSize", s.batchSize(),
                "capture", captureName(s.passes()),
                "tablePrefix", JdbcBenchmark.PREFIX,
                "generationSeconds", generation / 1e9,
                "databases", databases);
    }

    private static String captureName(JdbcBenchmark.Passes passes) {
        return passes.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
