package dev.crmkit.metrics.ltv;

import dev.crmkit.core.kernel.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What {@link OrderHistoryLtv} derives from an order history as of a date, before it feeds the LTV models. Rates are
 * shown rounded HALF_EVEN to {@link OrderHistoryLtv#RATE_SCALE} decimals and money to the currency's scale; the models
 * are fed the unrounded values. Immutable and thread-safe.
 *
 * @param asOf                 the day the history is read as of (orders after it are ignored)
 * @param customers            customers with at least one order on or before {@code asOf}
 * @param orders               orders on or before {@code asOf}
 * @param revenue              the sum of those orders
 * @param observedDays         days from the first order to {@code asOf}, both counted
 * @param averageOrderValue    AOV = revenue / orders
 * @param purchasesPerYear     orders / customers / observed years (observed days / 365.25)
 * @param arpuPerMonth         revenue / customers / observed months (observed days / 30.4375)
 * @param lifespanYears        the mean over customers of first-to-last order span (both days counted) / 365.25; a
 *                             lower bound, since customers still buying will go on
 * @param churnWindowDays      the window of the churn rate, in days
 * @param churnRate            the share of customers without an order in the {@code churnWindowDays} days ending on
 *                             {@code asOf}
 * @param arpuPerChurnWindow   revenue / customers / observed days x churn window days (ARPU over the churn's period)
 */
public record OrderHistoryStats(LocalDate asOf, long customers, long orders, Money revenue, long observedDays,
        Money averageOrderValue, BigDecimal purchasesPerYear, Money arpuPerMonth, BigDecimal lifespanYears,
        int churnWindowDays, BigDecimal churnRate, Money arpuPerChurnWindow) {
}
