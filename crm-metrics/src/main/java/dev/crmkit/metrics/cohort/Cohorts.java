package dev.crmkit.metrics.cohort;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.order.OrderPass;
import dev.crmkit.metrics.order.PeriodCells;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
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
 * <p>Cost: the cells are {@link PeriodCells}: one pass over the book's primitive columns with a bit per customer per
 * period bought in (a second pass for the revenue when the book is not in date order), O(n) time and one {@code long}
 * per customer per 64 periods, no object per order; when those bits would outweigh a {@code long} per order, one sort
 * of such a {@code long} instead, O(n log n). {@link OrderPass} gathers the same cells in the pass that RFM and the LTV
 * share. Stateless and thread-safe.
 */
public final class Cohorts {

    /**
     * The most periods a matrix spans, from the first order's period to the last one's: 100 years of months, 23 of
     * weeks. The matrix has up to half its square of cells, so a wider history is refused rather than filling memory.
     */
    public static final int MAX_PERIODS = PeriodCells.MAX_PERIODS;

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
     * The retention matrix of cells already gathered (by {@link OrderPass} or {@link PeriodCells#of}) with
     * {@code period} itself as the numbering ({@code PeriodCells.of(book, CohortPeriod.MONTH)}).
     *
     * @param currency the currency of the book the cells were gathered from
     * @throws ValidationException naming {@code period} (rule {@code numbering}) when the cells were gathered with
     *         another numbering than {@code period} (another period, or a function that is not a {@link CohortPeriod}),
     *         naming {@code currency} (rule {@code currency}) when {@code currency} is not the cells' book's
     */
    public static CohortMatrix of(PeriodCells cells, CohortPeriod period, Currency currency) {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(currency, "currency");
        if (!currency.equals(cells.currency())) {
            throw ValidationException.of("currency", "currency", "must be the currency of the book the cells were"
                    + " gathered from, " + cells.currency().getCurrencyCode() + ", was " + currency.getCurrencyCode());
        }
        return CohortMatrix.of(period, currency, counts(cells, period));
    }

    /**
     * How many periods the book's orders span, from the first order's period to the last one's; 0 for a book without
     * orders. Above {@link #MAX_PERIODS} no matrix is made.
     */
    public static int span(OrderBook book, CohortPeriod period) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(period, "period");
        if (book.size() == 0) {
            return 0;
        }
        // an index grows with the day, so the first and last days bound the span
        return period.indexOf(book.maxEpochDay()) - period.indexOf(book.minEpochDay()) + 1;
    }

    /**
     * The matrix's non-zero cells as flat rows, by cohort then offset: what a database query would return.
     *
     * @throws ValidationException if the orders span more than {@value #MAX_PERIODS} periods
     */
    public static List<CohortCount> counts(OrderBook book, CohortPeriod period) {
        int span = span(book, period);
        if (span > MAX_PERIODS) {
            int min = period.indexOf(book.minEpochDay());
            int max = period.indexOf(book.maxEpochDay());
            throw ValidationException.of("orders", "span", "the orders span " + span + " "
                    + period.name().toLowerCase(Locale.ROOT) + "s, from " + period.label(period.start(min)) + " to "
                    + period.label(period.start(max)) + "; a cohort matrix covers at most " + MAX_PERIODS
                    + " periods" + (period == CohortPeriod.WEEK ? " (use months, or drop the oldest orders)"
                    : " (drop the oldest orders)"));
        }
        return counts(PeriodCells.of(book, period), period);
    }

    /**
     * The non-zero cells of cells gathered with {@code period} itself as the numbering, by cohort then offset.
     *
     * @throws ValidationException naming {@code period} (rule {@code numbering}) when the cells were gathered with
     *         another numbering than {@code period}: their indexes would be read as the wrong periods
     */
    public static List<CohortCount> counts(PeriodCells cells, CohortPeriod period) {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(period, "period");
        if (cells.numbering() != period) {
            throw ValidationException.of("period", "numbering", "must be the numbering the cells were gathered with ("
                    + numberingName(cells) + "), was " + period + "; gather them with the CohortPeriod itself, as in "
                    + "PeriodCells.of(book, CohortPeriod." + period + ")");
        }
        List<CohortCount> out = new ArrayList<>();
        for (int cohort = 0; cohort < cells.span(); cohort++) {
            LocalDate start = null;
            for (int k = 0; k < cells.span() - cohort; k++) {
                long customers = cells.customers(cohort, k);
                if (customers > 0) {
                    if (start == null) {
                        start = period.start(cells.firstPeriod() + cohort);
                    }
                    out.add(new CohortCount(start, k, customers, cells.revenueMinor(cohort, k)));
                }
            }
        }
        return out;
    }

    private static String numberingName(PeriodCells cells) {
        return cells.numbering() instanceof CohortPeriod p ? p.name() : "a function that is not a CohortPeriod";
    }
}
