package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.Money;

import java.util.Objects;

/**
 * One customer's row of a {@link CustomerSummaries}: the inputs of the BG/NBD and Gamma-Gamma models. Immutable and
 * thread-safe.
 *
 * @param customerId    the customer's id
 * @param frequency     repeat purchases: distinct purchase days minus one
 * @param recency       time from the first to the last purchase, in {@code unit}
 * @param age           time from the first purchase to the end of observation ("T"), in {@code unit}
 * @param monetaryValue mean of the repeat purchase-day totals (rounded HALF_EVEN to the currency's scale), zero when
 *                      {@code frequency} is 0
 * @param unit          the unit of {@code recency} and {@code age}
 */
public record CustomerSummary(String customerId, int frequency, double recency, double age, Money monetaryValue,
        TimeUnit unit) {

    /** Checks that every part is present. */
    public CustomerSummary {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(monetaryValue, "monetaryValue");
        Objects.requireNonNull(unit, "unit");
    }
}
