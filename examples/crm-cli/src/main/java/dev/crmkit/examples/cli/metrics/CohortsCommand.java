package dev.crmkit.examples.cli.metrics;

import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.metrics.cohort.CohortMatrix;
import dev.crmkit.metrics.cohort.CohortPeriod;
import dev.crmkit.metrics.cohort.CohortRow;
import dev.crmkit.metrics.cohort.Cohorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code crm cohorts}: the retention matrix of an orders file by month or ISO week of each customer's first order.
 */
@Command(name = "cohorts", mixinStandardHelpOptions = true,
        description = {"Retention matrix: customers grouped by the month (or ISO week) of their first order; per "
                + "later period how many of them ordered (retention = that / cohort size) and the churn from one "
                + "period to the next ((previous - this) / previous; negative when more came back).",
                "JSON keys: period, currency, cohorts (start, label, size, customers, retention, churn, revenue: one "
                        + "entry per period offset from 0; churn is null at offset 0 and after an empty period)."})
public final class CohortsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private OrdersOptions orders;

    @Option(names = "--period", paramLabel = "month|week", defaultValue = "month",
            description = "Cohort period: month or week (ISO, from Monday) (default: ${DEFAULT-VALUE}).")
    private CohortPeriod period;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        CohortMatrix matrix = Cohorts.of(orders.read(), period);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, json(matrix));
            return 0;
        }
        out.printf(Locale.ROOT, "Retention by %s of first order (%% of the cohort who ordered k %ss later)%n",
                period.name().toLowerCase(Locale.ROOT), period.name().toLowerCase(Locale.ROOT));
        int widest = matrix.rows().stream().mapToInt(CohortRow::periods).max().orElse(0);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-9s %6s", "cohort", "size"));
        for (int k = 0; k < widest; k++) {
            header.append(String.format(Locale.ROOT, " %5s", "+" + k));
        }
        out.println(header);
        for (CohortRow row : matrix.rows()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s %,6d", row.label(), row.size()));
            for (int k = 0; k < row.periods(); k++) {
                line.append(String.format(Locale.ROOT, " %4.0f%%", 100 * row.retention(k).doubleValue()));
            }
            out.println(line);
        }
        out.flush();
        return 0;
    }

    /** The matrix as one JSON object. */
    static Map<String, Object> json(CohortMatrix matrix) {
        List<Map<String, Object>> cohorts = new ArrayList<>();
        for (int i = 0; i < matrix.rows().size(); i++) {
            CohortRow row = matrix.rows().get(i);
            List<BigDecimal> retention = new ArrayList<>();
            List<BigDecimal> churn = new ArrayList<>();
            List<String> revenue = new ArrayList<>();
            for (int k = 0; k < row.periods(); k++) {
                retention.add(row.retention(k));
                churn.add(row.churn(k).orElse(null));
                revenue.add(MetricsArgs.json(matrix.revenue(i, k)));
            }
            cohorts.add(JsonOutput.object("start", row.cohortStart().toString(), "label", row.label(),
                    "size", row.size(), "customers", row.customers(), "retention", retention, "churn", churn,
                    "revenue", revenue));
        }
        return JsonOutput.object("period", matrix.period().name().toLowerCase(Locale.ROOT),
                "currency", matrix.currency().getCurrencyCode(), "cohorts", cohorts);
    }
}
