package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.metrics.clv.BgNbd;
import dev.crmkit.metrics.clv.BgNbdModel;
import dev.crmkit.metrics.clv.Clv;
import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.CustomerSummary;
import dev.crmkit.metrics.clv.GammaGamma;
import dev.crmkit.metrics.clv.GammaGammaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code crm clv predict}: one customer's expected purchases, probability alive and CLV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Fit the models to all customers, then predict for one: expected purchases in the next "
                + "--horizon units and the probability that the customer is still alive; with --monetary and "
                + "--discount-rate also the CLV: the discounted expected margin over the horizon (in whole months of "
                + "30 days, at least one).",
                "JSON keys: customer, expectedPurchases, probabilityAlive; with --monetary also "
                        + "expectedAverageValue, and with --discount-rate also clv (money as a decimal string)."})
public final class ClvPredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClvOptions clv;

    @Option(names = "--horizon", paramLabel = "N", required = true,
            description = "How many units (of --unit) ahead.")
    private double horizon;

    @Option(names = "--customer", paramLabel = "ID", required = true, description = "The customer's id.")
    private String customer;

    @Option(names = "--discount-rate", paramLabel = "RATE",
            description = "Monthly discount rate for the CLV, a fraction from 0 to 1 (0.01 = 1% a month).")
    private BigDecimal discountRate;

    @Option(names = "--margin", paramLabel = "FRACTION", defaultValue = "1",
            description = "Gross margin for the CLV, a fraction from 0 to 1 (default: ${DEFAULT-VALUE}: revenue).")
    private BigDecimal margin;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        if (!(horizon > 0)) {
            throw new ParameterException(spec.commandLine(), "--horizon must be more than 0, got " + horizon);
        }
        if (discountRate != null && !clv.monetary()) {
            throw new ParameterException(spec.commandLine(), "--discount-rate needs --monetary: the CLV needs the "
                    + "Gamma-Gamma model of order values");
        }
        CustomerSummaries summaries = clv.summaries();
        CustomerSummary one = summaries.summary(summaries.row(customer));
        BgNbdModel bgNbd = BgNbd.fit(summaries);
        double expected = bgNbd.expectedPurchases(horizon, one);
        double alive = bgNbd.probabilityAlive(one);
        GammaGammaModel gammaGamma = clv.monetary() ? GammaGamma.fit(summaries) : null;
        Money averageValue = gammaGamma == null ? null : gammaGamma.expectedAverageValue(one);
        Money lifetimeValue = gammaGamma == null || discountRate == null ? null
                : Clv.of(bgNbd, gammaGamma, one, months(), discountRate, margin);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = JsonOutput.object("customer", customer, "expectedPurchases", expected,
                    "probabilityAlive", alive);
            if (averageValue != null) {
                json.put("expectedAverageValue", averageValue.amount().toPlainString());
            }
            if (lifetimeValue != null) {
                json.put("clv", lifetimeValue.amount().toPlainString());
                json.put("months", months());
            }
            JsonOutput.print(out, json);
            return 0;
        }
        out.printf(Locale.ROOT, "Customer %s: %d repeat purchase days, recency %.2f, age %.2f %ss%n", customer,
                one.frequency(), one.recency(), one.age(), clv.unit().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "  expected purchases in the next %s %ss: %.4f%n", trim(horizon),
                clv.unit().name().toLowerCase(Locale.ROOT), expected);
        out.printf(Locale.ROOT, "  probability alive: %.4f%s%n", alive, ClvFitCommand.warning(bgNbd.converged()));
        if (averageValue != null) {
            out.printf(Locale.ROOT, "  expected average order value: %s%n", averageValue);
        }
        if (lifetimeValue != null) {
            out.printf(Locale.ROOT, "  CLV over %d months (margin %s, discount %s a month): %s%n", months(),
                    margin.toPlainString(), discountRate.toPlainString(), lifetimeValue);
        }
        out.flush();
        return 0;
    }

    /** The horizon in whole months of 30 days, rounded, at least one. */
    private int months() {
        return Math.max(1, (int) Math.round(horizon * clv.unit().days() / 30.0));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
