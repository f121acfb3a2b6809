package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.examples.cli.Counted;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OptionRules;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.metrics.acquisition.Cac;
import dev.crmkit.metrics.acquisition.IndustryNorm;
import dev.crmkit.metrics.acquisition.LtvCacRatio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code crm cac}: customer acquisition cost = spend / new customers (rounded HALF_EVEN to the currency's scale), and
 * with {@code --ltv} the LTV:CAC ratio, its band and the industry norms to compare it with.
 */
@Command(name = "cac", mixinStandardHelpOptions = true,
        description = {"Customer acquisition cost: (marketing + sales) spend / new customers; with --ltv also the "
                + "LTV:CAC ratio and its band (below 1 losing money, 1 to under 3 thin, 3 to under 5 healthy, 5 and "
                + "above under-investing) next to the industry norms.",
                "JSON keys: cac, spend, newCustomers, currency; with --ltv also ltv, ltvToCac, band, "
                        + "bandDescription, norms."})
public final class CacCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--spend", paramLabel = "AMOUNT", required = true,
            description = "Marketing plus sales spend of the period.")
    private BigDecimal spend;

    @Option(names = "--new-customers", paramLabel = "N", required = true,
            description = "New customers won with that spend.")
    private long newCustomers;

    @Option(names = "--ltv", paramLabel = "AMOUNT", description = "A customer's lifetime value, for the LTV:CAC ratio.")
    private BigDecimal ltv;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "EUR",
            description = "ISO 4217 currency of the amounts (default: ${DEFAULT-VALUE}).")
    private String currencyCode;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        Currency currency = MetricsArgs.currency(spec, currencyCode);
        Money spent = MetricsArgs.money(spec, "--spend", spend, currency);
        Money value = ltv == null ? null : MetricsArgs.money(spec, "--ltv", ltv, currency);
        Money cac;
        LtvCacRatio ratio;
        try {
            cac = Cac.of(spent, newCustomers);
            ratio = value == null ? null : LtvCacRatio.of(value, cac);
        } catch (ValidationException e) {
            throw OptionRules.badValues(spec, e, Map.of("spend", "--spend", "newCustomers", "--new-customers",
                    "ltv", "--ltv", "cac", "--spend / --new-customers (the CAC)"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = JsonOutput.object("cac", MetricsArgs.json(cac), "spend",
                    MetricsArgs.json(spent), "newCustomers", newCustomers, "currency", currency.getCurrencyCode());
            if (ratio != null) {
                json.putAll(JsonOutput.object("ltv", MetricsArgs.json(value), "ltvToCac", ratio.ratio(),
                        "band", ratio.band().name(), "bandDescription", ratio.band().description(),
                        "norms", norms()));
            }
            JsonOutput.print(out, json);
            return 0;
        }
        out.printf(Locale.ROOT, "CAC: %s / %s = %s%n", spent, Counted.of(newCustomers, "new customer"), cac);
        if (ratio != null) {
            out.printf(Locale.ROOT, "LTV:CAC: %s / %s = %s, %s%n", value, cac,
                    ratio.ratio().stripTrailingZeros().toPlainString(), ratio.band().description());
            out.println("Industry norms (LTV:CAC):");
            for (IndustryNorm norm : IndustryNorm.values()) {
                out.printf(Locale.ROOT, "  %-20s %s%n", norm.label(), range(norm));
            }
        }
        out.flush();
        return 0;
    }

    /** The industry norms as JSON objects. */
    static List<Map<String, Object>> norms() {
        List<Map<String, Object>> norms = new ArrayList<>();
        for (IndustryNorm norm : IndustryNorm.values()) {
            norms.add(JsonOutput.object("industry", norm.label(), "low", norm.low(), "high", norm.high()));
        }
        return norms;
    }

    /** {@code 4} or {@code 3-4}. */
    static String range(IndustryNorm norm) {
        return norm.isRange() ? norm.low().toPlainString() + "-" + norm.high().toPlainString()
                : norm.low().toPlainString();
    }
}
