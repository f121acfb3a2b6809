package dev.crmkit.examples.cli.metrics;

import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.TimeUnit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** What {@code clv fit} and {@code clv predict} share: the orders, the end of observation and the time unit. */
public final class ClvOptions {

    @Mixin
    private OrdersOptions orders;

    @Option(names = "--observation-end", paramLabel = "DATE", required = true,
            description = "The last day of observation (ISO date); later orders are ignored.")
    private LocalDate observationEnd;

    @Option(names = "--unit", paramLabel = "day|week|month", defaultValue = "week",
            description = "The unit of recency, age and horizon: day, week (7 days) or month (30 days) "
                    + "(default: ${DEFAULT-VALUE}).")
    private TimeUnit unit;

    @Option(names = "--monetary", description = "Also fit Gamma-Gamma to the repeat purchases' values.")
    private boolean monetary;

    /** The customers' frequency, recency, age and monetary value. */
    CustomerSummaries summaries() {
        return orders.summaries(observationEnd, unit);
    }

    boolean monetary() {
        return monetary;
    }

    TimeUnit unit() {
        return unit;
    }
}
