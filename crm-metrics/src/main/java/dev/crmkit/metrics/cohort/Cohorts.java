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
 * <p>Cost: two passes over the book's primitive columns and one sort of a {@code long} per order (customer and offset
 * packed), O(n log n) time and 8 bytes per order of extra memory, no object per order. Stateless and thread-safe.
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
        int[] first = new int[book.customerCount()];
        Arrays.fill(first, Integer.MAX_VALUE);
        int[] periodOf = new int[n];
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int p = period.indexOf(book.epochDay(i));
            periodOf[i] = p;
            first[book.customerOf(i)] = Math.min(first[book.customerOf(i)], p);
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        int span = max - min + 1;
        if (span > MAX_PERIODS) {
            throw ValidationException.of("orders", "span", "the orders span " + span + " "
                    + period.name().toLowerCase(Locale.ROOT) + "s, from " + period.label(period.start(min)) + " to "
                    + period.label(period.start(max)) + "; a cohort matrix covers at most " + MAX_PERIODS
                    + " periods" + (period == CohortPeriod.WEEK ? " (use months, or drop the oldest orders)"
                    : " (drop the oldest orders)"));
        }
        long[][] customers = new long[span][];
        long[][] revenue = new long[span][];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int c = book.customerOf(i);
            int cohort = first[c] - min;
            int k = periodOf[i] - first[c];
            if (revenue[cohort] == null) {
                revenue[cohort] = new long[span - cohort];
                customers[cohort] = new long[span - cohort];
            }
            revenue[cohort][k] = Math.addExact(revenue[cohort][k], book.minorUnits(i));
            keys[i] = ((long) c << 32) | k;
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                int c = (int) (keys[i] >>> 32);
                customers[first[c] - min][(int) keys[i]]++;
            }
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
