package dev.crmkit.examples.cli;

import dev.crmkit.examples.cli.bench.ClvDataSets;
import dev.crmkit.examples.cli.bench.ClvRun;
import dev.crmkit.examples.cli.bench.ClvRun.Phase;
import dev.crmkit.metrics.clv.BgNbdModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code crm bench clv}: probabilistic CLV end to end, from the orders CSV to the fitted models. */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = {"Write seeded orders files (once; kept in --data-dir): 'cdnow' (CDNOW-sized, 2,357 customers "
                + "over 78 weeks) and N staggered customers (first purchases spread over three years, 6.5 orders "
                + "each), then time what `crm clv fit` does with each: read the CSV, summarise by week, fit BG/NBD "
                + "(and with --monetary Gamma-Gamma). Median of the timed rounds, single-threaded; with "
                + "--record-by-record also the CSV reader the byte-level one replaced.",
                "Whole-process time and peak memory: time `crm clv fit --orders FILE --observation-end 2025-12-31 "
                        + "--unit week` on a written file (--write-only prints the paths)."})
final class BenchClvCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sets", paramLabel = "SET[,SET...]", split = ",", defaultValue = "cdnow,100000,1000000",
            description = "cdnow and/or numbers of staggered customers (default: ${DEFAULT-VALUE}).")
    private List<String> sets;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "crm-bench-clv",
            description = "Where the orders files are written and kept (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Untimed rounds per set (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Timed rounds per set; each figure is the median (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--monetary", description = "Also fit Gamma-Gamma.")
    private boolean monetary;

    @Option(names = "--record-by-record", description = "Also time the record-by-record CSV reader.")
    private boolean recordByRecord;

    @Option(names = "--write-only", description = "Only write the files and print their paths.")
    private boolean writeOnly;

    @Mixin
    private BenchFormat format = new BenchFormat();

    @Override
    public Integer call() {
        if (warmup < 0 || runs < 1) {
            throw new ParameterException(spec.commandLine(), "--warmup must be at least 0 and --runs at least 1");
        }
        for (String set : sets) {
            if (!ClvDataSets.CDNOW.equals(set) && !set.matches("[1-9][0-9]{0,7}")) {
                throw new ParameterException(spec.commandLine(), "--sets takes cdnow or a number of customers from "
                        + "1 to 99,999,999, got " + set);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        List<ClvRun.Result> results = new ArrayList<>();
        for (String set : sets) {
            BenchCommand.progress(spec).accept("writing or finding " + set);
            Path file = ClvDataSets.file(dataDir, set, seed);
            if (writeOnly) {
                out.printf("%s %s (observation end %s)%n", set, file, ClvDataSets.observationEnd(set));
                continue;
            }
            results.add(ClvRun.run(set, file, warmup, runs, monetary, recordByRecord, BenchCommand.progress(spec)));
        }
        format.print(spec, () -> json(results), text -> {
            if (!writeOnly) {
                print(text, results);
            }
        });
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, List<ClvRun.Result> results) {
        out.printf("CLV end to end (read CSV, summarise by week, fit%s), seed %d, median of %d rounds after %d "
                + "warm-up, one thread%n", monetary ? " BG/NBD + Gamma-Gamma" : " BG/NBD", seed, runs, warmup);
        out.printf(Locale.ROOT, "JVM %s %s, %d processors, max heap %s MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(),
                Reports.count(Runtime.getRuntime().maxMemory() >> 20));
        out.printf("%-9s %10s %11s %8s %9s %8s %8s %8s %11s  %-4s %7s %8s %7s %7s%n", "set", "customers", "orders",
                "read", "summarise", "BG/NBD", "G-G", "total", "rec-by-rec", "conv", "r", "alpha", "a", "b");
        for (ClvRun.Result r : results) {
            BgNbdModel m = r.bgNbd();
            out.printf(Locale.ROOT, "%-9s %10s %11s %6.3f s %7.3f s %6.3f s %6.3f s %6.3f s %9.3f s  %-4s %7.4f "
                            + "%8.4f %7.4f %7.4f%n", r.set(), Reports.count(r.customers()), Reports.count(r.orders()),
                    r.seconds(Phase.READ), r.seconds(Phase.SUMMARISE), r.seconds(Phase.BG_NBD),
                    r.seconds(Phase.GAMMA_GAMMA), r.seconds(Phase.TOTAL), r.seconds(Phase.RECORD_BY_RECORD),
                    m.converged() ? "yes" : "NO", m.r(), m.alpha(), m.a(), m.b());
        }
    }

    private static Map<String, Object> json(List<ClvRun.Result> results) {
        List<Object> sets = new ArrayList<>();
        for (ClvRun.Result r : results) {
            BgNbdModel m = r.bgNbd();
            Map<String, Object> seconds = new java.util.LinkedHashMap<>();
            for (Phase phase : Phase.values()) {
                seconds.put(phase.name().toLowerCase(Locale.ROOT), r.seconds(phase));
            }
            Map<String, Object> set = JsonOutput.object("set", r.set(), "file", r.file().toString(),
                    "customers", r.customers(), "orders", r.orders(), "seconds", seconds,
                    "converged", m.converged(), "r", m.r(), "alpha", m.alpha(), "a", m.a(), "b", m.b(),
                    "logLikelihood", m.logLikelihood());
            if (r.gammaGamma() != null) {
                set.putAll(JsonOutput.object("p", r.gammaGamma().p(), "q", r.gammaGamma().q(),
                        "v", r.gammaGamma().v()));
            }
            sets.add(set);
        }
        return JsonOutput.object("sets", sets);
    }
}
