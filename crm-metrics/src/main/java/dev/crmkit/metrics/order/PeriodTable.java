package dev.crmkit.metrics.order;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;
import java.util.function.LongToIntFunction;

/**
 * The period of each day from a book's first order day to its last, counted from the first order's period: a small
 * table looked up per order instead of a calendar computation. Immutable once made.
 */
final class PeriodTable {

    final int minDay;
    final int firstPeriod;
    final int span;
    final int[] periodOfDay;
    /** The numbering the table was made with, remembered by the cells (see {@link PeriodCells#numbering()}). */
    final LongToIntFunction numbering;

    private PeriodTable(int minDay, int firstPeriod, int span, int[] periodOfDay, LongToIntFunction numbering) {
        this.numbering = numbering;
        this.minDay = minDay;
        this.firstPeriod = firstPeriod;
        this.span = span;
        this.periodOfDay = periodOfDay;
    }

    /**
     * The table of a book's days.
     *
     * @throws ValidationException naming {@code orders} when they span more than {@link PeriodCells#MAX_PERIODS}
     * @throws IllegalArgumentException when {@code periodOf} gives a later day a smaller index
     */
    static PeriodTable of(OrderBook book, LongToIntFunction periodOf) {
        Objects.requireNonNull(periodOf, "periodOf");
        if (book.size() == 0) {
            return new PeriodTable(0, 0, 0, new int[0], periodOf);
        }
        int minDay = book.minEpochDay();
        int maxDay = book.maxEpochDay();
        int first = periodOf.applyAsInt(minDay);
        long span = (long) periodOf.applyAsInt(maxDay) - first + 1;
        if (span > PeriodCells.MAX_PERIODS) {
            throw ValidationException.of("orders", "span", "the orders span " + span + " periods; at most "
                    + PeriodCells.MAX_PERIODS + " are counted");
        }
        int[] periodOfDay = new int[maxDay - minDay + 1];
        int previous = 0;
        for (int d = 0; d < periodOfDay.length; d++) {
            periodOfDay[d] = periodOf.applyAsInt((long) minDay + d) - first;
            if (periodOfDay[d] < previous || periodOfDay[d] >= span) {
                throw new IllegalArgumentException("periodOf must not give a later day a smaller index");
            }
            previous = periodOfDay[d];
        }
        return new PeriodTable(minDay, first, (int) span, periodOfDay, periodOf);
    }
}
