package dev.crmkit.examples.cli;

import dev.crmkit.examples.cli.bench.MetricsResult;
import dev.crmkit.examples.cli.bench.MetricsResult.Fit;
import dev.crmkit.examples.cli.bench.MetricsResult.Measure;
import dev.crmkit.examples.cli.bench.MetricsRun;
import dev.crmkit.examples.cli.bench.OrderGenerator;
import dev.crmkit.metrics.clv.BgNbdModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code crm bench metrics}: RFM, LTV and cohorts over generated orders against one primitive pass; BG/NBD fits. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Generate an order history from a seed (customers buying and dropping out as the BG/NBD model "
                + "says, skewed amounts in cents, three years of dates) straight into primitive arrays, then time "
                + "RFM, LTV from the orders and monthly cohorts, each, the three apart and the three from one pass, "
                + "against the baseline: one "
                + "hand-written loop over the same arrays computing what the three must at least compute. Ratios "
                + "are crmkit's time / the baseline's, medians of the timed rounds, single-threaded, in wall time and "
                + "in the thread's CPU time (steadier on a loaded machine). Then time the "
                + "BG/NBD fit (weekly customer summaries, then the fit) for each --fit-customers size, on generated "
                + "orders with the same orders per customer.",
                "The default ten million orders need a few GB of heap: JAVA_OPTS=-Xmx8g ./crm bench metrics"})
final class BenchMetricsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "10000000",
            description = "How many orders (default: ${DEFAULT-VALUE}).")
    private int orders;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "1000000",
            description = "Of how many customers, at most --orders (default: ${DEFAULT-VALUE}).")
    private int customers;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Untimed rounds of every measure before the timed ones, and one untimed BG/NBD fit of "
                    + "10,000 customers when above 0 (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "Timed rounds; each figure is the median (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--fit-customers", paramLabel = "N[,N...]", split = ",", defaultValue = "100000,1000000",
            description = "Customers to fit BG/NBD on, one fit each (default: ${DEFAULT-VALUE}).")
    private List<Integer> fitCustomers;

    @Mixin
    private BenchFormat format = new BenchFormat();

    @Override
    public Integer call() {
        MetricsRun.Settings settings = settings();
        MetricsResult result;
        try {
            result = new MetricsRun(settings, BenchCommand.progress(spec)).run();
        } catch (OutOfMemoryError e) {
            return BenchCommand.outOfMemory(spec, orders, "orders", "--orders");
        }
        format.print(spec, () -> json(result), out -> print(out, result));
        return 0;
    }

    private MetricsRun.Settings settings() {
        if (customers < 1) {
            throw new ParameterException(spec.commandLine(), "--customers must be at least 1, got " + customers);
        }
        if (orders < customers) {
            throw new ParameterException(spec.commandLine(), "--orders must be at least --customers (" + customers
                    + "), got " + orders);
        }
        if (warmup < 0 || runs < 1) {
            throw new ParameterException(spec.commandLine(), "--warmup must be at least 0 and --runs at least 1");
        }
        for (int n : fitCustomers) {
            if (n < 1 || (long) orders * n / customers > Integer.MAX_VALUE) {
                throw new ParameterException(spec.commandLine(), "--fit-customers must be at least 1 and keep the "
                        + "orders under 2^31, got " + n);
            }
        }
        return new MetricsRun.Settings(orders, customers, seed, warmup, runs, fitCustomers);
    }

    private static void print(PrintWriter out, MetricsResult r) {
        MetricsRun.Settings s = r.settings();
        out.printf("Order metrics, %s orders of %s customers, seed %d, one thread, as of %s%n",
                Reports.count(s.orders()), Reports.count(s.customers()), s.seed(), OrderGenerator.LAST_DAY);
        out.printf("generated in %.1f s; %d warm-up rounds, median of %d timed rounds%n", r.generationNanos() / 1e9,
                s.warmup(), s.runs());
        out.println(jvm());
        out.println();
        out.printf("%-34s %10s %20s %10s %12s%n", "", "time", "crmkit / baseline", "cpu", "cpu ratio");
        for (Measure m : Measure.values()) {
            boolean base = m == Measure.BASELINE;
            String ratio = base ? "" : String.format(Locale.ROOT, "%.2f x", r.ratio(m));
            String cpuRatio = base ? "" : String.format(Locale.ROOT, "%.2f x", r.cpuRatio(m));
            out.printf(Locale.ROOT, "%-34s %8.3f s %20s %8.3f s %12s%n", m.label(), r.nanos().get(m) / 1e9, ratio,
                    r.cpuNanos().get(m) / 1e9, cpuRatio);
        }
        out.printf("baseline and crmkit agree on orders, revenue, customers, churn and cohort cells: %s%n",
                r.agree() ? "yes" : "NO");
        out.printf("the one pass gives the RFM rows, LTV and cohort matrix of the three apart: %s%n",
                r.onePassAgrees() ? "yes" : "NO");
        if (r.fits().isEmpty()) {
            out.flush();
            return;
        }
        out.println();
        out.println("BG/NBD fit (customer summaries by week, then maximum likelihood)");
        out.printf("%10s %11s %10s %10s %10s  %-9s %8s %9s %8s %8s %16s%n", "customers", "orders", "summaries",
                "fit", "total", "converged", "r", "alpha", "a", "b", "log-likelihood");
        for (Fit f : r.fits()) {
            BgNbdModel m = f.model();
            out.printf(Locale.ROOT, "%10s %11s %8.2f s %8.2f s %8.2f s  %-9s %8.4f %9.4f %8.4f %8.4f %16.1f%n",
                    Reports.count(f.customers()), Reports.count(f.orders()), f.summariesNanos() / 1e9,
                    f.fitNanos() / 1e9, (f.summariesNanos() + f.fitNanos()) / 1e9, m.converged() ? "yes" : "NO",
                    m.r(), m.alpha(), m.a(), m.b(), m.logLikelihood());
        }
        BgNbdModel truth = r.fits().get(0).truth();
        out.printf(Locale.ROOT, "drawn from r %.4f, alpha %.4f, a %.4f, b %.4f (weeks)%n", truth.r(), truth.alpha(),
                truth.a(), truth.b());
        out.flush();
    }

    private static String jvm() {
        return String.format(Locale.ROOT, "JVM %s %s, %d processors, max heap %s MiB",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Reports.count(Runtime.getRuntime().maxMemory() >> 20));
    }

    private static Map<String, Object> json(MetricsResult r) {
        MetricsRun.Settings s = r.settings();
        Map<String, Object> seconds = new LinkedHashMap<>();
        Map<String, Object> ratios = new LinkedHashMap<>();
        Map<String, Object> cpuSeconds = new LinkedHashMap<>();
        Map<String, Object> cpuRatios = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            seconds.put(m.jsonName(), r.nanos().get(m) / 1e9);
            cpuSeconds.put(m.jsonName(), r.cpuNanos().get(m) / 1e9);
            if (m != Measure.BASELINE) {
                ratios.put(m.jsonName(), Math.round(r.ratio(m) * 100) / 100.0);
                cpuRatios.put(m.jsonName(), Math.round(r.cpuRatio(m) * 100) / 100.0);
            }
        }
        List<Object> fits = new ArrayList<>();
        for (Fit f : r.fits()) {
            BgNbdModel m = f.model();
            BgNbdModel t = f.truth();
            fits.add(JsonOutput.object(
                    "customers", f.customers(),
                    "orders", f.orders(),
                    "generationSeconds", f.generationNanos() / 1e9,
                    "summariesSeconds", f.summariesNanos() / 1e9,
                    "fitSeconds", f.fitNanos() / 1e9,
                    "totalSeconds", (f.summariesNanos() + f.fitNanos()) / 1e9,
                    "converged", m.converged(),
                    "r", m.r(), "alpha", m.alpha(), "a", m.a(), "b", m.b(),
                    "logLikelihood", m.logLikelihood(),
                    "truth", JsonOutput.object("r", t.r(), "alpha", t.alpha(), "a", t.a(), "b", t.b())));
        }
        return JsonOutput.object(
                "orders", s.orders(),
                "customers", s.customers(),
                "seed", s.seed(),
                "warmup", s.warmup(),
                "runs", s.runs(),
                "asOf", OrderGenerator.LAST_DAY.toString(),
                "generationSeconds", r.generationNanos() / 1e9,
                "seconds", seconds,
                "ratios", ratios,
                "cpuSeconds", cpuSeconds,
                "cpuRatios", cpuRatios,
                "agree", r.agree(),
                "onePassAgrees", r.onePassAgrees(),
                "fits", fits,
                "jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                "processors", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    }
}
