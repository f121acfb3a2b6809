package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.examples.cli.Counted;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OptionRules;
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

    /** The longest horizon, in months of 30 days (what {@link Clv#of} takes). */
    private static final int MAX_MONTHS = 1200;

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
            description = "Monthly discount rate for the CLV, a fraction from 0 to 1 (0.01 = 1%% a month).")
    private BigDecimal discountRate;

    @Option(names = "--margin", paramLabel = "FRACTION", defaultValue = "1",
            description = "Gross margin for the CLV, a fraction from 0 to 1 (default: ${DEFAULT-VALUE}: revenue).")
    private BigDecimal margin;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        checkArguments();
        CustomerSummaries summaries = clv.summaries();
        CustomerSummary one;
        try {
            one = summaries.summary(summaries.row(customer));
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), "--customer: " + e.violations().get(0).message());
        }
        BgNbdModel bgNbd = BgNbd.fit(summaries);
        double expected;
        try {
            expected = bgNbd.expectedPurchases(horizon, one);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("cannot predict for customer " + BadValue.quote(customer) + ": "
                    + bgNbd.notConvergedReason().map(r -> "the BG/NBD fit did not converge: " + r)
                    .orElse(e.getMessage()));
        }
        double alive = bgNbd.probabilityAlive(one);
        GammaGammaModel gammaGamma = clv.monetary() ? GammaGamma.fit(summaries) : null;
        Money averageValue = gammaGamma == null ? null : gammaGamma.expectedAverageValue(one);
        Money lifetimeValue = gammaGamma == null || discountRate == null ? null
                : Clv.of(bgNbd, gammaGamma, one, (int) months(), discountRate, margin);
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
        out.printf(Locale.ROOT, "Customer %s: %s, recency %.2f, age %.2f %ss%n", customer,
                Counted.of(one.frequency(), "repeat purchase day"), one.recency(), one.age(), clv.unit().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "  expected purchases in the next %s %ss: %.4f%n", trim(horizon),
                clv.unit().name().toLowerCase(Locale.ROOT), expected);
        out.printf(Locale.ROOT, "  probability alive: %.4f%s%n", alive, ClvFitCommand.warning(bgNbd));
        if (averageValue != null) {
            out.printf(Locale.ROOT, "  expected average order value: %s%n", averageValue);
        }
        if (lifetimeValue != null) {
            out.printf(Locale.ROOT, "  CLV over %s (margin %s, discount %s a month): %s%n",
                    Counted.of(months(), "month"),
                    margin.toPlainString(), discountRate.toPlainString(), lifetimeValue);
        }
        out.flush();
        return 0;
    }

    /** Every argument is checked before the orders are read and the models fitted. */
    private void checkArguments() {
        if (!(horizon > 0) || months() > MAX_MONTHS) {
            throw new ParameterException(spec.commandLine(), "--horizon must be above 0 and at most " + MAX_MONTHS
                    + " months of 30 days (" + (MAX_MONTHS * 30 / clv.unit().days()) + " "
                    + clv.unit().name().toLowerCase(Locale.ROOT) + "s), got " + BigDecimal.valueOf(horizon)
                    .toPlainString());
        }
        OptionRules.needs(spec, "--discount-rate", "--monetary", "the CLV needs the Gamma-Gamma model of order "
                + "values");
        OptionRules.needs(spec, "--margin", "--discount-rate", "the margin is used only for the CLV, which "
                + "--discount-rate asks for");
        fraction("--discount-rate", discountRate);
        fraction("--margin", margin);
    }

    private void fraction(String option, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
            throw new ParameterException(spec.commandLine(), option + " must be a fraction from 0 to 1, got "
                    + value.toPlainString());
        }
    }

    /** The horizon in whole months of 30 days, rounded, at least one. */
    private long months() {
        return Math.max(1, Math.round(horizon * clv.unit().days() / 30.0));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
