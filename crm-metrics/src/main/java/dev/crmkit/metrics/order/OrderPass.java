package dev.crmkit.metrics.order;

import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.LongToIntFunction;

/**
 * What RFM, the LTV from orders and a cohort matrix need of an order book, gathered in one pass over its primitive
 * columns: the per-customer {@link CustomerTotals} of the orders on or before an as-of date, and the
 * {@link PeriodCells} of every order (cohorts have no as-of date). Each equals what {@link CustomerTotals#of} and
 * {@link PeriodCells#of} gather alone (tested). Immutable and thread-safe.
 *
 * @param totals  the per-customer totals as of the date
 * @param periods the cells by period
 */
public record OrderPass(CustomerTotals totals, PeriodCells periods) {

    /** Validates that both parts are present. */
    public OrderPass {
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(periods, "periods");
    }

    /**
     * The one pass.
     *
     * @param periodOf the index of the period holding an epoch day, as {@link PeriodCells#of} takes it (a
     *                 {@code CohortPeriod} itself for cells that are to make a cohort matrix)
     * @throws ValidationException naming {@code orders} when they span more than {@value PeriodCells#MAX_PERIODS}
     *         periods
     */
    public static OrderPass of(OrderBook book, LocalDate asOf, LongToIntFunction periodOf) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(asOf, "asOf");
        OrderScan scan = OrderScan.run(book, asOf, PeriodTable.of(book, periodOf));
        return new OrderPass(scan.totals, scan.periods);
    }
}
