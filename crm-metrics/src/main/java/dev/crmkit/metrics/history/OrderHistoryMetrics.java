package dev.crmkit.metrics.history;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.cohort.CohortMatrix;
import dev.crmkit.metrics.cohort.CohortPeriod;
import dev.crmkit.metrics.cohort.Cohorts;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import dev.crmkit.metrics.order.CustomerTotals;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.order.OrderPass;
import dev.crmkit.metrics.rfm.Rfm;
import dev.crmkit.metrics.rfm.RfmTable;
import dev.crmkit.metrics.rfm.SegmentMapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * RFM, the LTV from orders and the cohort matrix of one order book, computed together from one pass over its primitive
 * columns ({@link OrderPass}): per customer the first and last day, count and sum of the orders on or before the
 * as-of date (what RFM and the LTV start from), and the cohort cells of every order (a cohort matrix has no as-of
 * date). Each part equals what {@link Rfm#score}, {@link OrderHistoryLtv#of} and {@link Cohorts#of} give for the same
 * book (tested). When the orders span more periods than a matrix covers, the three are computed apart, so that the
 * errors are theirs, in the same order.
 *
 * @param rfm     {@link Rfm#score(OrderBook, LocalDate, SegmentMapping)}
 * @param ltv     {@link OrderHistoryLtv#of(OrderBook, LocalDate, int, BigDecimal)}
 * @param cohorts {@link Cohorts#of(OrderBook, CohortPeriod)}
 */
public record OrderHistoryMetrics(RfmTable rfm, OrderHistoryLtv ltv, CohortMatrix cohorts) {

    /** Validates that every part is present. */
    public OrderHistoryMetrics {
        Objects.requireNonNull(rfm, "rfm");
        Objects.requireNonNull(ltv, "ltv");
        Objects.requireNonNull(cohorts, "cohorts");
    }

    /** All three with the {@linkplain SegmentMapping#standard() standard} segment mapping. */
    public static OrderHistoryMetrics of(OrderBook book, LocalDate asOf, int churnWindowDays, BigDecimal grossMargin,
            CohortPeriod period) {
        return of(book, asOf, churnWindowDays, grossMargin, period, SegmentMapping.standard());
    }

    /**
     * All three.
     *
     * @throws ValidationException as each of the three would: {@code churnWindowDays}, {@code grossMargin}, no order
     *         on or before {@code asOf} ({@code orders}), a span of too many periods, a mapping without a segment
     */
    public static OrderHistoryMetrics of(OrderBook book, LocalDate asOf, int churnWindowDays, BigDecimal grossMargin,
            CohortPeriod period, SegmentMapping mapping) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(mapping, "mapping");
        // a span too wide for one matrix: the totals alone, and the cohorts refuse it after RFM and the LTV, as apart
        OrderPass pass = Cohorts.span(book, period) > Cohorts.MAX_PERIODS ? null : OrderPass.of(book, asOf, period);
        CustomerTotals totals = pass == null ? CustomerTotals.of(book, asOf) : pass.totals();
        OrderHistoryLtv ltv = OrderHistoryLtv.of(totals, churnWindowDays, grossMargin);
        RfmTable rfm = Rfm.score(totals, mapping);
        return new OrderHistoryMetrics(rfm, ltv, pass == null ? Cohorts.of(book, period)
                : Cohorts.of(pass.periods(), period, book.currency()));
    }
}
