package dev.crmkit.examples.cli.metrics;

import dev.crmkit.examples.cli.Counted;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.metrics.clv.BgNbd;
import dev.crmkit.metrics.clv.BgNbdModel;
import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.GammaGamma;
import dev.crmkit.metrics.clv.GammaGammaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code crm clv fit}: fits BG/NBD (and with {@code --monetary} Gamma-Gamma) by maximum likelihood. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit BG/NBD (r, alpha, a, b) by maximum likelihood to the customers' frequency, recency and "
                + "age; with --monetary also Gamma-Gamma (p, q, v) to the customers with a repeat purchase.",
                "JSON keys: r, alpha, a, b, logLikelihood, customers, converged, reason (why not, and what to do; "
                        + "null when converged); with --monetary also p, q, v, "
                        + "monetaryLogLikelihood, monetaryCustomers, monetaryConverged."})
public final class ClvFitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClvOptions clv;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        Phases phases = Phases.of(spec);
        Phases.end(phases, "start-up");
        CustomerSummaries summaries = clv.summaries();
        Phases.end(phases, "summarise");
        BgNbdModel bgNbd = BgNbd.fit(summaries);
        Phases.end(phases, "bg/nbd");
        GammaGammaModel gammaGamma = clv.monetary() ? GammaGamma.fit(summaries) : null;
        Phases.end(phases, "gamma");
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = JsonOutput.object("r", bgNbd.r(), "alpha", bgNbd.alpha(), "a", bgNbd.a(),
                    "b", bgNbd.b(), "logLikelihood", finite(bgNbd.logLikelihood()), "customers", bgNbd.customers(),
                    "converged", bgNbd.converged(), "reason", bgNbd.notConvergedReason().orElse(null));
            if (gammaGamma != null) {
                json.putAll(JsonOutput.object("p", gammaGamma.p(), "q", gammaGamma.q(), "v", gammaGamma.v(),
                        "monetaryLogLikelihood", finite(gammaGamma.logLikelihood()),
                        "monetaryCustomers", gammaGamma.customers(), "monetaryConverged", gammaGamma.converged()));
            }
            JsonOutput.print(out, json);
            return 0;
        }
        out.printf(Locale.ROOT, "BG/NBD over %s (unit: %s)%n", Counted.of(bgNbd.customers(), "customer"),
                clv.unit().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "  r %.6f  alpha %.6f  a %.6f  b %.6f%n", bgNbd.r(), bgNbd.alpha(), bgNbd.a(),
                bgNbd.b());
        out.printf(Locale.ROOT, "  log-likelihood %.4f%s%n", bgNbd.logLikelihood(), warning(bgNbd));
        if (gammaGamma != null) {
            out.printf(Locale.ROOT, "Gamma-Gamma over %s with a repeat purchase%n",
                    Counted.of(gammaGamma.customers(), "customer"));
            out.printf(Locale.ROOT, "  p %.6f  q %.6f  v %.6f%n", gammaGamma.p(), gammaGamma.q(), gammaGamma.v());
            out.printf(Locale.ROOT, "  log-likelihood %.4f%s%n", gammaGamma.logLikelihood(),
                    warning(gammaGamma.converged()));
        }
        out.flush();
        return 0;
    }

    /** JSON has no NaN or infinity: such a number is written as null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The warning after a BG/NBD fit that did not converge: why, and what to do. */
    static String warning(BgNbdModel model) {
        return model.notConvergedReason().map(reason -> "  (NOT CONVERGED: " + reason + ")").orElse("");
    }

    static String warning(boolean converged) {
        return converged ? "" : "  (NOT CONVERGED: a limiting case of the model fits better; treat with care)";
    }
}
