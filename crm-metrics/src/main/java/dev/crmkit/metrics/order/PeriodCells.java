package dev.crmkit.metrics.order;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Currency;
import java.util.Objects;
import java.util.function.LongToIntFunction;

/**
 * What every order of an {@link OrderBook} says about periods (months, weeks: whatever numbering the caller gives):
 * per cell (cohort, k), where a customer's cohort is the period of its first order, the distinct customers of that
 * cohort who ordered in period cohort + k and the sum of those orders in minor units. The cells a cohort matrix is
 * made of, gathered by {@link OrderPass} in the same pass as the per-customer totals, or alone by {@link #of}.
 * Periods are counted from the earliest order's period (cohort 0); cohort c has {@code span() - c} cells. The cells
 * remember the {@linkplain #numbering() numbering} and the {@linkplain #currency() currency} of the book that built
 * them, so that whoever labels them (a cohort matrix) can check it labels them by the same. Immutable and thread-safe.
 */
public final class PeriodCells {

    /**
     * The most periods the orders may span, from the first order's period to the last one's (100 years of months):
     * the cells take up to half the square of it, so a wider history is refused rather than filling memory.
     */
    public static final int MAX_PERIODS = 1200;

    private final int firstPeriod;
    private final int span;
    private final long[] customers;
    private final long[] revenueMinor;
    private final LongToIntFunction numbering;
    private final Currency currency;

    PeriodCells(int firstPeriod, int span, long[] customers, long[] revenueMinor, LongToIntFunction numbering,
            Currency currency) {
        this.firstPeriod = firstPeriod;
        this.span = span;
        this.customers = customers;
        this.revenueMinor = revenueMinor;
        this.numbering = numbering;
        this.currency = currency;
    }

    /**
     * The cells of every order of the book, by the given numbering of periods.
     *
     * @param periodOf the index of the period holding an epoch day; a later day never has a smaller index and
     *                 consecutive periods have consecutive indexes. Give a {@code CohortPeriod} itself (not
     *                 {@code period::indexOf}) when the cells are to make a cohort matrix: the cells remember it as
     *                 their {@link #numbering()} and the matrix accepts only cells numbered by its own period
     * @throws ValidationException naming {@code orders} when they span more than {@value #MAX_PERIODS} periods
     */
    public static PeriodCells of(OrderBook book, LongToIntFunction periodOf) {
        Objects.requireNonNull(book, "book");
        return OrderScan.run(book, null, PeriodTable.of(book, periodOf)).periods;
    }

    /**
     * The numbering of periods the cells were gathered with: the very object given to {@link #of} or
     * {@link OrderPass#of} (a {@code CohortPeriod} when given one), so that an index can be read back as a period only
     * by the numbering that made it.
     */
    public LongToIntFunction numbering() {
        return numbering;
    }

    /** The currency of the book the cells were gathered from: the currency of {@link #revenueMinor}. */
    public Currency currency() {
        return currency;
    }

    /** The index of the earliest order's period, cohort 0 (meaningless when {@link #span()} is 0). */
    public int firstPeriod() {
        return firstPeriod;
    }

    /** How many periods the orders span; 0 for a book without orders. */
    public int span() {
        return span;
    }

    /** The distinct customers of cohort {@code cohort} (counted from 0) who ordered {@code k} periods later. */
    public long customers(int cohort, int k) {
        return customers[cell(cohort, k)];
    }

    /** What the customers of cohort {@code cohort} ordered {@code k} periods later, in minor units. */
    public long revenueMinor(int cohort, int k) {
        return revenueMinor[cell(cohort, k)];
    }

    private int cell(int cohort, int k) {
        Objects.checkIndex(cohort, span);
        Objects.checkIndex(k, span - cohort);
        return rowStart(cohort, span) + k;
    }

    /** Where the cells of a cohort start in the flat triangle of {@code span} rows. */
    static int rowStart(int cohort, int span) {
        return cohort * span - cohort * (cohort - 1) / 2;
    }

    /** How many cells the triangle of {@code span} rows holds. */
    static int cells(int span) {
        return rowStart(span, span);
    }
}
