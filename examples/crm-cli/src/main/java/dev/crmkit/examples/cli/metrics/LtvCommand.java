package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.Numbers;
import dev.crmkit.examples.cli.OptionRules;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.metrics.ltv.Ltv;
import dev.crmkit.metrics.ltv.SegmentValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code crm ltv}: customer lifetime value by one closed-form model, each a subcommand. Money is rounded once,
 * HALF_EVEN to the currency's scale (see {@link Ltv}); amounts given with more decimals than the currency has are
 * refused.
 */
@Command(name = "ltv", mixinStandardHelpOptions = true,
        description = {"Customer lifetime value by one closed-form model: arpu, aov, margin-churn, npv, segments or "
                + "net.",
                "JSON key: ltv (money as a decimal string with the currency's scale), with the inputs."},
        subcommands = {LtvCommand.Arpu.class, LtvCommand.Aov.class, LtvCommand.MarginChurn.class,
                LtvCommand.Npv.class, LtvCommand.Segments.class, LtvCommand.Net.class,
                CommandLine.HelpCommand.class})
public final class LtvCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a model is required: arpu, aov, margin-churn, npv, segments or net");
    }

    /** What every model shares: the currency, the output format, and printing the result. */
    abstract static class Model implements Callable<Integer> {

        /** The option of each input the calculators name. */
        private static final Map<String, String> OPTIONS = Map.ofEntries(Map.entry("arpu", "--arpu"),
                Map.entry("lifetimePeriods", "--lifetime"), Map.entry("aov", "--aov"),
                Map.entry("purchasesPerYear", "--frequency"), Map.entry("lifespanYears", "--lifespan"),
                Map.entry("grossMargin", "--margin"), Map.entry("churnRate", "--churn"),
                Map.entry("discountRate", "--discount-rate"), Map.entry("cac", "--cac"),
                Map.entry("revenues", "--revenues"), Map.entry("segments", "--segment"),
                Map.entry("revenue", "--revenue"), Map.entry("costToServe", "--cost-to-serve"));

        @Spec
        CommandSpec spec;

        @Option(names = "--currency", paramLabel = "CODE", defaultValue = "EUR",
                description = "ISO 4217 currency of the amounts (default: ${DEFAULT-VALUE}).")
        String currencyCode;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: one JSON object on standard output.")
        OutputFormat format;

        @Override
        public final Integer call() {
            Currency currency = MetricsArgs.currency(spec, currencyCode);
            Map<String, Object> json = JsonOutput.object("model", spec.name(), "currency",
                    currency.getCurrencyCode());
            Money ltv;
            try {
                ltv = compute(currency, json);
            } catch (ValidationException e) {
                throw OptionRules.badValues(spec, e, OPTIONS);
            } catch (ArithmeticException e) {
                throw new ParameterException(spec.commandLine(), "these inputs give an LTV out of range: "
                        + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                Map<String, Object> result = JsonOutput.object("ltv", MetricsArgs.json(ltv));
                result.putAll(json);
                JsonOutput.print(out, result);
            } else {
                out.println("LTV (" + formula() + "): " + ltv);
                out.flush();
            }
            return 0;
        }

        Money money(String option, BigDecimal amount, Currency currency) {
            return MetricsArgs.money(spec, option, amount, currency);
        }

        /** Computes the LTV, adding the inputs to the JSON object (money as strings). */
        abstract Money compute(Currency currency, Map<String, Object> inputs);

        /** The formula, for the text output. */
        abstract String formula();
    }

    /** {@code crm ltv arpu}: ARPU x lifetime. */
    @Command(name = "arpu", mixinStandardHelpOptions = true,
            description = "LTV = ARPU x lifetime, both over the same period (30 a month x 24 months = 720).")
    static final class Arpu extends Model {

        @Option(names = "--arpu", paramLabel = "AMOUNT", required = true,
                description = "Average revenue per user per period.")
        BigDecimal arpu;

        @Option(names = "--lifetime", paramLabel = "PERIODS", required = true,
                description = "Expected customer lifetime in periods.")
        BigDecimal lifetime;

        @Override
        Money compute(Currency currency, Map<String, Object> inputs) {
            Money a = money("--arpu", arpu, currency);
            inputs.putAll(JsonOutput.object("arpu", MetricsArgs.json(a), "lifetime", lifetime));
            return Ltv.arpuTimesLifetime(a, lifetime);
        }

        @Override
        String formula() {
            return arpu.toPlainString() + " x " + lifetime.toPlainString() + " periods";
        }
    }

    /** {@code crm ltv aov}: AOV x purchase frequency x lifespan. */
    @Command(name = "aov", mixinStandardHelpOptions = true,
            description = "LTV = AOV x purchases a year x lifespan in years (80 x 4 x 3 = 960).")
    static final class Aov extends Model {

        @Option(names = "--aov", paramLabel = "AMOUNT", required = true, description = "Average order value.")
        BigDecimal aov;

        @Option(names = "--frequency", paramLabel = "PER-YEAR", required = true,
                description = "Purchases per customer per year.")
        BigDecimal frequency;

        @Option(names = "--lifespan", paramLabel = "YEARS", required = true,
                description = "Customer lifespan in years.")
        BigDecimal lifespan;

        @Override
        Money compute(Currency currency, Map<String, Object> inputs) {
            Money a = money("--aov", aov, currency);
            inputs.putAll(JsonOutput.object("aov", MetricsArgs.json(a), "frequency", frequency,
                    "lifespan", lifespan));
            return Ltv.aovTimesFrequencyTimesLifespan(a, frequency, lifespan);
        }

        @Override
        String formula() {
            return aov.toPlainString() + " x " + frequency.toPlainString() + " a year x " + lifespan.toPlainString()
                    + " years";
        }
    }

    /** {@code crm ltv margin-churn}: ARPU x gross margin / churn. */
    @Command(name = "margin-churn", mixinStandardHelpOptions = true,
            description = "LTV = ARPU x gross margin / churn rate, ARPU and churn over the same period "
                    + "(15 x 0.60 / 0.04 = 225).")
    static final class MarginChurn extends Model {

        @Option(names = "--arpu", paramLabel = "AMOUNT", required = true,
                description = "Average revenue per user per period.")
        BigDecimal arpu;

        @Option(names = "--margin", paramLabel = "FRACTION", required = true,
                description = "Gross margin, a fraction from 0 to 1.")
        BigDecimal margin;

        @Option(names = "--churn", paramLabel = "FRACTION", required = true,
                description = "Share of customers lost per period, above 0 and at most 1.")
        BigDecimal churn;

        @Override
        Money compute(Currency currency, Map<String, Object> inputs) {
            Money a = money("--arpu", arpu, currency);
            inputs.putAll(JsonOutput.object("arpu", MetricsArgs.json(a), "margin", margin, "churn", churn));
            return Ltv.marginOverChurn(a, margin, churn);
        }

        @Override
        String formula() {
            return arpu.toPlainString() + " x " + margin.toPlainString() + " / " + churn.toPlainString();
        }
    }

    /** {@code crm ltv npv}: discounted margin of each period's revenue, minus CAC. */
    @Command(name = "npv", mixinStandardHelpOptions = true,
            description = "LTV = sum over periods t = 1..n of revenue_t x margin / (1 + rate)^t, minus CAC "
                    + "(200, 240, 300 at margin 0.5, rate 0.10, CAC 100 = 202.78).")
    static final class Npv extends Model {

        @Option(names = "--revenues", paramLabel = "AMOUNTS", required = true, split = ",",
                description = "Revenue per period, first period first, comma-separated.")
        List<BigDecimal> revenues;

        @Option(names = "--margin", paramLabel = "FRACTION", required = true,
                description = "Gross margin, a fraction from 0 to 1.")
        BigDecimal margin;

        @Option(names = "--discount-rate", paramLabel = "RATE", required = true,
                description = "Discount rate per period, a fraction from 0 to 1 (0.10 = 10%%).")
        BigDecimal discountRate;

        @Option(names = "--cac", paramLabel = "AMOUNT", defaultValue = "0",
                description = "Customer acquisition cost to subtract (default: ${DEFAULT-VALUE}).")
        BigDecimal cac;

        @Override
        Money compute(Currency currency, Map<String, Object> inputs) {
            List<Money> perPeriod = new ArrayList<>();
            for (BigDecimal revenue : revenues) {
                perPeriod.add(money("--revenues", revenue, currency));
            }
            Money c = money("--cac", cac, currency);
            inputs.putAll(JsonOutput.object("revenues", perPeriod.stream().map(MetricsArgs::json).toList(),
                    "margin", margin, "discountRate", discountRate, "cac", MetricsArgs.json(c)));
            return Ltv.discounted(perPeriod, margin, discountRate, c);
        }

        @Override
        String formula() {
            return "revenues " + revenues.stream().map(BigDecimal::toPlainString).toList() + " x "
                    + margin.toPlainString() + " discounted at " + discountRate.toPlainString() + " minus CAC "
                    + cac.toPlainString();
        }
    }

    /** {@code crm ltv segments}: the sum over segments of revenue x retention x margin. */
    @Command(name = "segments", mixinStandardHelpOptions = true,
            description = "LTV = sum over segments of revenue x retention probability x gross margin.")
    static final class Segments extends Model {

        @Option(names = "--segment", paramLabel = "NAME:REVENUE:RETENTION:MARGIN", required = true,
                description = "One segment (repeat the option for each): its name, revenue, retention probability "
                        + "and gross margin (fractions from 0 to 1), colon-separated.")
        List<String> segments;

        @Override
        Money compute(Currency currency, Map<String, Object> inputs) {
            List<SegmentValue> values = new ArrayList<>();
            for (String segment : segments) {
                values.add(parse(segment, currency));
            }
            inputs.put("segments", values.stream().map(v -> JsonOutput.object("name", v.name(),
                    "revenue", MetricsArgs.json(v.revenue()), "retention", v.retentionProbability(),
                    "margin", v.grossMargin())).toList());
            return Ltv.bySegment(values);
        }

        private SegmentValue parse(String text, Currency currency) {
            String[] parts = text.split(":");
            if (parts.length < 4) {
                throw new ParameterException(spec.commandLine(), "--segment must be NAME:REVENUE:RETENTION:MARGIN, "
                        + "got " + BadValue.quote(text));
            }
            int n = parts.length;
            String name = String.join(":", List.of(parts).subList(0, n - 3));
            BigDecimal revenue = number(parts[n - 3], text);
            try {
                return new SegmentValue(name, money("--segment", revenue, currency), number(parts[n - 2], text),
                        number(parts[n - 1], text));
            } catch (ValidationException e) {
                throw new ParameterException(spec.commandLine(), "--segment " + BadValue.quote(text) + ": "
                        + String.join("; ", e.violations().stream().map(v -> v.field() + " " + v.message()).toList()));
            }
        }

        private BigDecimal number(String value, String segment) {
            try {
                return Numbers.decimal(value);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--segment " + BadValue.quote(segment) + ": "
                        + e.getMessage());
            }
        }

        @Override
        String formula() {
            return "sum of revenue x retention x margin over " + segments.size() + " segments";
        }
    }

    /** {@code crm ltv net}: revenue minus cost to serve, over a lifetime. */
    @Command(name = "net", mixinStandardHelpOptions = true,
            description = "LTV = (revenue - cost to serve) x lifetime, both per period (12,000 - 12,000 a year = 0).")
    static final class Net extends Model {

        @Option(names = "--revenue", paramLabel = "AMOUNT", required = true, description = "Revenue per period.")
        BigDecimal revenue;

        @Option(names = "--cost-to-serve", paramLabel = "AMOUNT", required = true,
                description = "Cost to serve the customer per period.")
        BigDecimal costToServe;

        @Option(names = "--lifetime", paramLabel = "PERIODS", defaultValue = "1",
                description = "Lifetime in periods (default: ${DEFAULT-VALUE}).")
        BigDecimal lifetime;

        @Override
        Money compute(Currency currency, Map<String, Object> inputs) {
            Money r = money("--revenue", revenue, currency);
            Money c = money("--cost-to-serve", costToServe, currency);
            inputs.putAll(JsonOutput.object("revenue", MetricsArgs.json(r), "costToServe", MetricsArgs.json(c),
                    "lifetime", lifetime));
            return Ltv.netOfCostToServe(r, c, lifetime);
        }

        @Override
        String formula() {
            return "(" + revenue.toPlainString() + " - " + costToServe.toPlainString() + ") x "
                    + lifetime.toPlainString() + " periods";
        }
    }
}
