package dev.crmkit.examples.cli.bench;

import dev.crmkit.metrics.cohort.CohortPeriod;

/**
 * The baseline of {@code crm bench metrics}: the least work RFM, LTV from orders and monthly cohorts must do, written
 * by hand as one loop over the primitive order columns and one loop over the customers. Per customer it keeps the first
 * and last day, the number of orders and their sum (the RFM inputs), and a bit per month bought in; it totals orders
 * and revenue (the LTV inputs) and, per customer, the churn test and the first-to-last span; from the month bits it
 * counts the customers of each (first month, month) cell. It does not score quintiles, map segments, sum revenue per
 * cohort cell or build result objects, which crmkit's calculators do.
 *
 * <p>The month bits cover the 64 months ending with the as-of day's month, each order's bit looked up in a table of
 * the days of those months; an older order is refused. Stateless and thread-safe.
 */
public final class PrimitivePass {

    private static final int MONTHS = 64;

    private PrimitivePass() {
    }

    /**
     * What the pass found, and a checksum over every per-customer figure so that no part of the work can be dropped.
     *
     * @param orders       orders on or before the as-of day
     * @param revenueMinor their sum in minor units
     * @param customers    customers with such an order
     * @param churned      customers without an order in the churn window ending on the as-of day
     * @param cohortCells  the sum of all (first month, month) customer counts
     * @param checksum     a hash over every per-customer figure and every cell
     */
    public record Totals(long orders, long revenueMinor, long customers, long churned, long cohortCells,
                         long checksum) {
    }

    /**
     * Runs the pass over the orders on or before {@code asOfDay}.
     *
     * @param customers the number of customers (indexes into per-customer arrays)
     * @throws IllegalArgumentException if an order lies more than 63 months before the as-of day's month
     */
    public static Totals run(int[] customerOf, int[] epochDay, long[] minorUnits, int customers, int asOfDay,
            int churnWindowDays) {
        int lastMonth = CohortPeriod.MONTH.indexOf(asOfDay);
        int origin = Math.toIntExact(CohortPeriod.MONTH.start(lastMonth - MONTHS + 1).toEpochDay());
        int[] bitOf = new int[asOfDay - origin + 1];
        for (int d = 0; d < bitOf.length; d++) {
            bitOf[d] = CohortPeriod.MONTH.indexOf(origin + d) - (lastMonth - MONTHS + 1);
        }
        int[] first = new int[customers];
        int[] last = new int[customers];
        int[] count = new int[customers];
        long[] sum = new long[customers];
        long[] months = new long[customers];
        long orders = 0;
        long revenue = 0;
        for (int i = 0; i < customerOf.length; i++) {
            int day = epochDay[i];
            if (day > asOfDay) {
                continue;
            }
            if (day < origin) {
                throw new IllegalArgumentException("order " + i + " is more than 63 months before the as-of day");
            }
            int c = customerOf[i];
            if (count[c] == 0) {
                first[c] = day;
                last[c] = day;
            } else {
                first[c] = Math.min(first[c], day);
                last[c] = Math.max(last[c], day);
            }
            count[c]++;
            sum[c] += minorUnits[i];
            months[c] |= 1L << bitOf[day - origin];
            orders++;
            revenue += minorUnits[i];
        }
        return perCustomer(first, last, count, sum, months, asOfDay, churnWindowDays, orders, revenue);
    }

    private static Totals perCustomer(int[] first, int[] last, int[] count, long[] sum, long[] months, int asOfDay,
            int churnWindowDays, long orders, long revenue) {
        long[] cells = new long[MONTHS * MONTHS];
        long customers = 0;
        long churned = 0;
        long checksum = 0;
        for (int c = 0; c < count.length; c++) {
            if (count[c] == 0) {
                continue;
            }
            customers++;
            if ((long) asOfDay - last[c] >= churnWindowDays) {
                churned++;
            }
            checksum = checksum * 31 + last[c] * 7L + (last[c] - first[c]) * 5L + count[c] * 3L + sum[c];
            int cohort = Long.numberOfTrailingZeros(months[c]);
            for (long bits = months[c]; bits != 0; bits &= bits - 1) {
                cells[cohort * MONTHS + Long.numberOfTrailingZeros(bits) - cohort]++;
            }
        }
        long cellTotal = 0;
        for (long cell : cells) {
            cellTotal += cell;
            checksum = checksum * 31 + cell;
        }
        return new Totals(orders, revenue, customers, churned, cellTotal, checksum + orders + revenue);
    }
}
