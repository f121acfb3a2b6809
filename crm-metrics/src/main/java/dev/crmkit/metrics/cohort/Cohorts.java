package dev.crmkit.metrics.cohort;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.OrderBook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the retention matrix of an order history. A customer's cohort is the period of its first order; cell
 * (cohort, k) counts the distinct customers of that cohort who ordered in period cohort + k and sums those orders;
 * the cohort size is cell 0; retention = cell / size; churn per period is defined on {@link CohortRow#churn}.
 *
 * <p>Example (months): A orders in January and March, B in January, C in February. Cohort January: size 2, then 0, then
 * 1 (retention 1, 0, 0.5); cohort February: size 1, then 0.
 *
 * <p>Cost: three passes over the book's primitive columns (the span of days; each customer's first period with a bit
 * per period bought in; the revenue per cell), O(n) time and one {@code long} per customer per 64 periods, no object
 * per order; when those bits would outweigh a {@code long} per order, one sort of such a {@code long} (customer and
 * offset packed) instead, O(n log n). Stateless and thread-safe.
 */
public final class Cohorts {

    /**
     * The most periods a matrix spans, from the first order's period to the last one's: 100 years of months, 23 of
     * weeks. The matrix has up to half its square of cells, so a wider history is refused rather than filling memory.
     */
    public static final int MAX_PERIODS = 1200;

    private Cohorts() {
    }

    /** The monthly retention matrix. */
    public static CohortMatrix monthly(OrderBook book) {
        return of(book, CohortPeriod.MONTH);
    }

    /** The retention matrix by the given period. */
    public static CohortMatrix of(OrderBook book, CohortPeriod period) {
        return CohortMatrix.of(period, book.currency(), counts(book, period));
    }

    /**
     * The cells by a bit per (customer, period) bought in: one pass sets the bits and each customer's first period,
     * a second adds the revenue into its cell; then every set bit counts its customer once. {@code words} longs per
     * customer, at most one per order.
     */
    private static void periodBits(OrderBook book, int minDay, int[] periodOfDay, int words, long[][] customers,
            long[][] revenue) {
        int n = book.size();
        int[] first = new int[book.customerCount()];
        Arrays.fill(first, Integer.MAX_VALUE);
        long[] bits = new long[words * book.customerCount()];
        for (int i = 0; i < n; i++) {
            int c = book.customerOf(i);
            int p = periodOfDay[book.epochDay(i) - minDay];
            first[c] = Math.min(first[c], p);
            bits[c * words + (p >>> 6)] |= 1L << p;
        }
        addRevenue(book, minDay, periodOfDay, first, customers, revenue);
        for (int c = 0; c < first.length; c++) {
            int cohort = first[c];
            if (cohort == Integer.MAX_VALUE) {
                continue;
            }
            for (int w = 0; w < words; w++) {
                long word = bits[c * words + w];
                while (word != 0) {
                    int p = (w << 6) + Long.numberOfTrailingZeros(word);
                    customers[cohort][p - cohort]++;
                    word &= word - 1;
                }
            }
        }
    }

    /**
     * The cells by sorting one {@code long} per order (customer and offset packed), for many customers over a long
     * span, where a bit per (customer, period) would take more room than the sort.
     */
    private static void sortedKeys(OrderBook book, int minDay, int[] periodOfDay, int span, long[][] customers,
            long[][] revenue) {
        int n = book.size();
        int[] first = new int[book.customerCount()];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int c = book.customerOf(i);
            first[c] = Math.min(first[c], periodOfDay[book.epochDay(i) - minDay]);
        }
        addRevenue(book, minDay, periodOfDay, first, customers, revenue);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int c = book.customerOf(i);
            keys[i] = ((long) c << 32) | (periodOfDay[book.epochDay(i) - minDay] - first[c]);
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                int c = (int) (keys[i] >>> 32);
                customers[first[c]][(int) keys[i]]++;
            }
        }
    }

    /** Adds each order's amount into its (cohort, offset) cell, making the rows of the cohorts that have orders. */
    private static void addRevenue(OrderBook book, int minDay, int[] periodOfDay, int[] first, long[][] customers,
            long[][] revenue) {
        int span = customers.length;
        for (int i = 0; i < book.size(); i++) {
            int cohort = first[book.customerOf(i)];
            int k = periodOfDay[book.epochDay(i) - minDay] - cohort;
            if (revenue[cohort] == null) {
                revenue[cohort] = new long[span - cohort];
                customers[cohort] = new long[span - cohort];
            }
            revenue[cohort][k] = Math.addExact(revenue[cohort][k], book.minorUnits(i));
        }
    }

    /**
     * The matrix's non-zero cells as flat rows, by cohort then offset: what a database query would return.
     *
     * @throws ValidationException if the orders span more than {@value #MAX_PERIODS} periods
     */
    public static List<CohortCount> counts(OrderBook book, CohortPeriod period) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(period, "period");
        int n = book.size();
        if (n == 0) {
            return List.of();
        }
        int minDay = Integer.MAX_VALUE;
        int maxDay = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int day = book.epochDay(i);
            minDay = Math.min(minDay, day);
            maxDay = Math.max(maxDay, day);
        }
        int min = period.indexOf(minDay); // an index grows with the day, so the first and last days bound the span
        int max = period.indexOf(maxDay);
        int span = max - min + 1;
        if (span > MAX_PERIODS) {
            throw ValidationException.of("orders", "span", "the orders span " + span + " "
                    + period.name().toLowerCase(Locale.ROOT) + "s, from " + period.label(period.start(min)) + " to "
                    + period.label(period.start(max)) + "; a cohort matrix covers at most " + MAX_PERIODS
                    + " periods" + (period == CohortPeriod.WEEK ? " (use months, or drop the oldest orders)"
                    : " (drop the oldest orders)"));
        }
        // the period of each day, relative to the first period: at most 1,200 periods, so a small table
        int[] periodOfDay = new int[maxDay - minDay + 1];
        for (int d = 0; d < periodOfDay.length; d++) {
            periodOfDay[d] = period.indexOf((long) minDay + d) - min;
        }
        long[][] customers = new long[span][];
        long[][] revenue = new long[span][];
        int words = (span + 63) >>> 6;
        if ((long) words * book.customerCount() <= n) {
            periodBits(book, minDay, periodOfDay, words, customers, revenue);
        } else {
            sortedKeys(book, minDay, periodOfDay, span, customers, revenue);
        }
        List<CohortCount> out = new ArrayList<>();
        for (int cohort = 0; cohort < span; cohort++) {
            if (customers[cohort] == null) {
                continue;
            }
            for (int k = 0; k < customers[cohort].length; k++) {
                if (customers[cohort][k] > 0) {
                    out.add(new CohortCount(period.start(min + cohort), k, customers[cohort][k], revenue[cohort][k]));
                }
            }
        }
        return out;
    }
}
