package dev.crmkit.examples.cli.metrics;

import dev.crmkit.examples.cli.Counted;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OptionRules;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.metrics.rfm.CustomerRfm;
import dev.crmkit.metrics.rfm.Rfm;
import dev.crmkit.metrics.rfm.RfmTable;
import dev.crmkit.metrics.rfm.Segment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code crm rfm}: recency, frequency and monetary quintile scores (1-5, ties never split) of every customer with an
 * order on or before {@code --as-of}, and the standard segment of each.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
        description = {"RFM scores 1-5 (quintiles; ties never split one value across two scores) of every customer "
                + "with an order on or before --as-of, and their segments (champions ... lost).",
                "JSON keys: asOf, customerCount, segments (segment -> customers, all 11), customers (id, r, f, "
                        + "m, segment, recencyDays, frequency, monetary)."})
public final class RfmCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private OrdersOptions orders;

    @Option(names = "--as-of", paramLabel = "DATE", required = true,
            description = "The day to score as of (ISO date); later orders are ignored.")
    private LocalDate asOf;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Text output: how many customers to list (default: ${DEFAULT-VALUE}); JSON lists all.")
    private int limit;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        OptionRules.uselessWith(spec, "--limit", format == OutputFormat.JSON, "--format json",
                "JSON lists every customer");
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, got " + limit);
        }
        RfmTable table = Rfm.score(orders.read(), asOf);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Map<String, Object> segments = new LinkedHashMap<>();
            table.segmentCounts().forEach((segment, count) -> segments.put(segment.label(), count));
            List<Map<String, Object>> customers = new ArrayList<>(table.size());
            for (CustomerRfm c : table.customers()) {
                customers.add(JsonOutput.object("id", c.customerId(), "r", c.r(), "f", c.f(), "m", c.m(),
                        "segment", c.segment().label(), "recencyDays", c.recencyDays(), "frequency", c.frequency(),
                        "monetary", MetricsArgs.json(c.monetary())));
            }
            JsonOutput.print(out, JsonOutput.object("asOf", asOf.toString(), "customerCount", table.size(),
                    "segments", segments, "customers", customers));
            return 0;
        }
        out.printf(Locale.ROOT, "RFM of %s as of %s%n", Counted.of(table.size(), "customer"), asOf);
        for (Map.Entry<Segment, Long> e : table.segmentCounts().entrySet()) {
            out.printf(Locale.ROOT, "  %-20s %,8d%n", e.getKey().label(), e.getValue());
        }
        int shown = Math.min(Math.max(limit, 0), table.size());
        if (shown > 0) {
            out.printf(Locale.ROOT, "%n%-16s R F M  %-20s %8s %6s %14s%n", "customer", "segment", "days ago",
                    "orders", "total");
            for (int i = 0; i < shown; i++) {
                CustomerRfm c = table.customer(i);
                out.printf(Locale.ROOT, "%-16s %d %d %d  %-20s %8d %6d %14s%n", c.customerId(), c.r(), c.f(), c.m(),
                        c.segment().label(), c.recencyDays(), c.frequency(), c.monetary());
            }
            if (shown < table.size()) {
                out.printf(Locale.ROOT, "... and %,d more (--limit, or --format json for all)%n",
                        table.size() - shown);
            }
        }
        out.flush();
        return 0;
    }
}
