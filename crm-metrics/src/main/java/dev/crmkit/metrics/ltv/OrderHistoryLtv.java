package dev.crmkit.metrics.ltv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.CustomerTotals;
import dev.crmkit.metrics.order.OrderBook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import static dev.crmkit.metrics.ltv.Ltv.PRECISION;

/**
 * Lifetime value from raw order history: derives ARPU, AOV, purchase frequency, lifespan and churn from an
 * {@link OrderBook} as of a date (see {@link OrderHistoryStats} for each definition) and feeds the {@link Ltv} models:
 * <ul>
 *   <li>{@code arpuTimesLifetime = ARPU per month x lifespan in months (lifespanYears x 12)}</li>
 *   <li>{@code aovTimesFrequencyTimesLifespan = AOV x purchases per year x lifespan in years} (equal to the first up to
 *       rounding, since ARPU per month x 12 = AOV x purchases per year)</li>
 *   <li>{@code marginOverChurn = ARPU per churn window x gross margin / churn rate}, empty when nobody churned</li>
 * </ul>
 * One pass over the book's primitive columns plus two int arrays of one slot per customer: O(orders + customers), no
 * object per order. Money is rounded HALF_EVEN to the currency's scale only at the end.
 *
 * <p>Worked example: customer A buys 100 on 2024-01-01 and 100 on 2024-12-31, customer B buys 50 on 2024-01-01; as of
 * 2024-12-31 with a 90-day churn window: 3 orders, revenue 250, AOV 83.33, observed 366 days, B churned (rate 0.5).
 *
 * @param stats                           the derived inputs
 * @param arpuTimesLifetime               ARPU per month x lifespan in months
 * @param aovTimesFrequencyTimesLifespan  AOV x purchases per year x lifespan in years
 * @param marginOverChurn                 ARPU per churn window x margin / churn rate; empty when the churn rate is 0
 */
public record OrderHistoryLtv(OrderHistoryStats stats, Money arpuTimesLifetime, Money aovTimesFrequencyTimesLifespan,
        Optional<Money> marginOverChurn) {

    /** Decimals of the rates shown in {@link OrderHistoryStats}. */
    public static final int RATE_SCALE = 6;

    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");
    private static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    /** Validates that every part is present. */
    public OrderHistoryLtv {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(arpuTimesLifetime, "arpuTimesLifetime");
        Objects.requireNonNull(aovTimesFrequencyTimesLifespan, "aovTimesFrequencyTimesLifespan");
        Objects.requireNonNull(marginOverChurn, "marginOverChurn");
    }

    /**
     * Derives the inputs from the orders on or before {@code asOf} and computes the models.
     *
     * @param book            the order history
     * @param asOf            orders after this day are ignored
     * @param churnWindowDays a customer without an order in this many days ending on {@code asOf} counts as churned;
     *                        at least 1
     * @param grossMargin     a fraction from 0 to 1
     * @throws ValidationException naming {@code orders} when no order is on or before {@code asOf},
     *         {@code churnWindowDays} or {@code grossMargin}
     */
    public static OrderHistoryLtv of(OrderBook book, LocalDate asOf, int churnWindowDays, BigDecimal grossMargin) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(asOf, "asOf");
        if (churnWindowDays < 1) {
            throw ValidationException.of("churnWindowDays", "positive", "must be at least 1, was " + churnWindowDays);
        }
        Checks.fraction(grossMargin, "grossMargin");
        return of(CustomerTotals.of(book, asOf), churnWindowDays, grossMargin);
    }

    /**
     * Computes the models from totals already gathered (by the one pass {@link CustomerTotals#of} that RFM can
     * share); the as-of date is theirs.
     *
     * @throws ValidationException naming {@code orders} when no order is on or before the as-of date,
     *         {@code churnWindowDays} or {@code grossMargin}
     */
    public static OrderHistoryLtv of(CustomerTotals totals, int churnWindowDays, BigDecimal grossMargin) {
        Objects.requireNonNull(totals, "totals");
        if (churnWindowDays < 1) {
            throw ValidationException.of("churnWindowDays", "positive", "must be at least 1, was " + churnWindowDays);
        }
        Checks.fraction(grossMargin, "grossMargin");
        LocalDate asOf = totals.asOf();
        int asOfDay = Math.toIntExact(asOf.toEpochDay());
        long orders = totals.orders();
        if (orders == 0) {
            throw ValidationException.of("orders", "required", "needs at least one order on or before " + asOf);
        }
        long customers = 0;
        long churned = 0;
        long spanDays = 0;
        int firstDay = Integer.MAX_VALUE;
        for (int c = 0; c < totals.slots(); c++) {
            if (totals.count(c) == 0) {
                continue;
            }
            int last = totals.lastDay(c);
            customers++;
            firstDay = Math.min(firstDay, totals.firstDay(c));
            spanDays += last - totals.firstDay(c) + 1L;
            if ((long) asOfDay - last >= churnWindowDays) {
                churned++;
            }
        }
        return derive(totals.book(), asOf, asOfDay - (long) firstDay + 1, customers, orders, totals.revenueMinor(),
                spanDays, churnWindowDays, churned, grossMargin);
    }

    private static OrderHistoryLtv derive(OrderBook book, LocalDate asOf, long observedDays, long customers,
            long orders, long revenueMinor, long spanDays, int window, long churned, BigDecimal margin) {
        Money revenue = book.money(revenueMinor);
        BigDecimal revenueAmount = revenue.amount();
        BigDecimal customerCount = BigDecimal.valueOf(customers);
        BigDecimal days = BigDecimal.valueOf(observedDays);
        BigDecimal aov = revenueAmount.divide(BigDecimal.valueOf(orders), PRECISION);
        BigDecimal perYear = BigDecimal.valueOf(orders).multiply(DAYS_PER_YEAR)
                .divide(customerCount.multiply(days), PRECISION);
        BigDecimal arpuPerMonth = revenueAmount.multiply(DAYS_PER_MONTH)
                .divide(customerCount.multiply(days), PRECISION);
        BigDecimal arpuPerWindow = revenueAmount.multiply(BigDecimal.valueOf(window))
                .divide(customerCount.multiply(days), PRECISION);
        BigDecimal lifespanYears = BigDecimal.valueOf(spanDays)
                .divide(customerCount.multiply(DAYS_PER_YEAR), PRECISION);
        BigDecimal churnRate = BigDecimal.valueOf(churned).divide(customerCount, PRECISION);
        OrderHistoryStats stats = new OrderHistoryStats(asOf, customers, orders, revenue, observedDays,
                Ltv.rounded(revenue, aov), rate(perYear), Ltv.rounded(revenue, arpuPerMonth), rate(lifespanYears),
                window, rate(churnRate), Ltv.rounded(revenue, arpuPerWindow));
        Money arpuTimesLifetime = Ltv.rounded(revenue,
                Ltv.arpuTimesLifetime(arpuPerMonth, lifespanYears.multiply(MONTHS_PER_YEAR, PRECISION)));
        Money aovTimesFrequency = Ltv.rounded(revenue,
                Ltv.aovTimesFrequencyTimesLifespan(aov, perYear, lifespanYears));
        Optional<Money> marginOverChurn = churned == 0 ? Optional.empty()
                : Optional.of(Ltv.rounded(revenue, Ltv.marginOverChurn(arpuPerWindow, margin, churnRate)));
        return new OrderHistoryLtv(stats, arpuTimesLifetime, aovTimesFrequency, marginOverChurn);
    }

    private static BigDecimal rate(BigDecimal value) {
        return value.setScale(RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}
