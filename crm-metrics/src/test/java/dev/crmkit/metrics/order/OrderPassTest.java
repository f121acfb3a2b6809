package dev.crmkit.metrics.order;

import dev.crmkit.metrics.cohort.CohortPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The one pass gathers exactly what {@link CustomerTotals#of} and {@link PeriodCells#of} gather alone, whichever way
 * it takes: books in and out of date order, bits per customer or the sort (many customers over a long span), weeks
 * and months, customers with no order or only orders after the as-of date.
 */
class OrderPassTest {

    @Test
    void of_equalsTotalsAndCellsGatheredAlone_onSeededBooks() {
        SplittableRandom random = new SplittableRandom(7401);
        for (int round = 0; round < 300; round++) {
            boolean wide = round % 3 == 0;
            int customers = 1 + random.nextInt(wide ? 2_000 : 60);
            int orders = 1 + random.nextInt(wide ? 2_000 : 400);
            int days = 1 + random.nextInt(wide ? 7_300 : 1_200);
            OrderBook drawn = SeededBooks.book(random, customers, orders, 18_600, days,
                    () -> random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000));
            for (OrderBook book : List.of(drawn, SeededBooks.inDateOrder(drawn))) {
                LocalDate asOf = LocalDate.ofEpochDay(18_600 + random.nextInt(days + 30) - 15);
                CohortPeriod period = random.nextBoolean() ? CohortPeriod.MONTH : CohortPeriod.WEEK;
                OrderPass pass = OrderPass.of(book, asOf, period::indexOf);
                String at = "round " + round + (book.inDateOrder() ? " in date order" : "");

                assertEquals(totals(CustomerTotals.of(book, asOf)), totals(pass.totals()), at);
                assertEquals(cells(PeriodCells.of(book, period::indexOf)), cells(pass.periods()), at);
            }
        }
    }

    @Test
    void of_ordersSpanningTooManyPeriods_areRejectedNamingOrders() {
        OrderBook book = OrderBook.ofColumns(java.util.Currency.getInstance("EUR"), new String[] {"A"},
                new int[] {0, 0}, new int[] {0, 40_000}, new long[] {1, 1});

        assertRejects("orders", () -> OrderPass.of(book, LocalDate.ofEpochDay(0), CohortPeriod.MONTH::indexOf));
    }

    @Test
    void of_aPeriodNumberingThatGoesBack_isRefused() {
        OrderBook book = OrderBook.ofColumns(java.util.Currency.getInstance("EUR"), new String[] {"A"},
                new int[] {0, 0}, new int[] {0, 10}, new long[] {1, 1});

        assertThrows(IllegalArgumentException.class,
                () -> OrderPass.of(book, LocalDate.ofEpochDay(0), day -> day == 5 ? -1 : 0));
    }

    @Test
    void totals_aCustomerWhoseOrdersAllComeAfterTheAsOfDate_hasNoFirstOrLastDay() {
        // B's first order (day 3) is after the as-of day 2, though the pass keeps every customer's first day
        OrderBook book = OrderBook.ofColumns(java.util.Currency.getInstance("EUR"), new String[] {"A", "B"},
                new int[] {0, 1, 0}, new int[] {1, 3, 2}, new long[] {5, 7, 9});
        CustomerTotals totals = OrderPass.of(book, LocalDate.ofEpochDay(2), CohortPeriod.MONTH::indexOf).totals();

        assertEquals(List.of(2L, 14L, 1, 2), List.of(totals.count(0), totals.minorUnits(0), totals.firstDay(0),
                totals.lastDay(0)));
        assertEquals(List.of(0L, 0L, Integer.MAX_VALUE, Integer.MIN_VALUE), List.of(totals.count(1),
                totals.minorUnits(1), totals.firstDay(1), totals.lastDay(1)));
        assertEquals(List.of(1, 2L, 14L), List.of(totals.customers(), totals.orders(), totals.revenueMinor()));
    }

    private static List<Object> totals(CustomerTotals t) {
        List<Object> out = new ArrayList<>(List.of(t.asOf(), t.slots(), t.customers(), t.orders(), t.revenueMinor()));
        for (int c = 0; c < t.slots(); c++) {
            out.add(List.of(t.count(c), t.minorUnits(c), t.firstDay(c), t.lastDay(c)));
        }
        return out;
    }

    private static List<Object> cells(PeriodCells cells) {
        List<Object> out = new ArrayList<>(List.of(cells.span(), cells.span() == 0 ? 0 : cells.firstPeriod()));
        for (int cohort = 0; cohort < cells.span(); cohort++) {
            for (int k = 0; k < cells.span() - cohort; k++) {
                out.add(List.of(cells.customers(cohort, k), cells.revenueMinor(cohort, k)));
            }
        }
        return out;
    }
}
