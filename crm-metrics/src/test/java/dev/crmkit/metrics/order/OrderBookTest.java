package dev.crmkit.metrics.order;

import dev.crmkit.core.kernel.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderBookTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    @Test
    void builder_amountBeyondWhatMinorUnitsHold_isRejectedNamingAmountNotOverflow() {
        Order huge = new Order("A", DAY, Money.of("1e30", "EUR"));

        assertRejects("amount", () -> OrderBook.builder(Currency.getInstance("EUR")).add(huge));
    }

    @Test
    void builder_ordersAddingUpBeyondALong_areRejectedNamingAmount() {
        Order big = new Order("A", DAY, Money.of("50000000000000000", "EUR"));
        OrderBook.Builder builder = OrderBook.builder(Currency.getInstance("EUR")).add(big);

        assertRejects("amount", () -> builder.add(big));
        assertEquals(1, builder.build().size(), "the refused order is not added");
    }

    @Test
    void ofColumns_totalBeyondALong_isRejected() {
        assertRejects("minorUnits[1]", () -> OrderBook.ofColumns(Currency.getInstance("EUR"), new String[] {"A"},
                new int[] {0, 0}, new int[] {0, 0}, new long[] {Long.MAX_VALUE, 1}));
    }

    @Test
    void of_ordersUpToTheLimit_sumExactly() {
        OrderBook book = OrderBook.of(List.of(new Order("A", DAY, Money.of("92233720368547758.06", "EUR")),
                new Order("B", DAY, Money.of("0.01", "EUR"))));

        assertEquals(Long.MAX_VALUE, book.minorUnits(0) + book.minorUnits(1));
    }

    @Test
    void ofColumns_knowsTheFirstAndLastDay_andWhetherTheOrdersAreInDateOrder() {
        Currency eur = Currency.getInstance("EUR");
        String[] ids = {"A", "B"};
        OrderBook ordered = OrderBook.ofColumns(eur, ids, new int[] {0, 1, 0}, new int[] {5, 5, 9}, new long[3]);
        OrderBook shuffled = OrderBook.ofColumns(eur, ids, new int[] {0, 1, 0}, new int[] {5, 9, 7}, new long[3]);
        OrderBook empty = OrderBook.ofColumns(eur, ids, new int[0], new int[0], new long[0]);

        assertEquals(List.of(5, 9, true), List.of(ordered.minEpochDay(), ordered.maxEpochDay(), ordered.inDateOrder()));
        assertEquals(List.of(5, 9, false),
                List.of(shuffled.minEpochDay(), shuffled.maxEpochDay(), shuffled.inDateOrder()));
        assertEquals(List.of(Integer.MAX_VALUE, Integer.MIN_VALUE, true),
                List.of(empty.minEpochDay(), empty.maxEpochDay(), empty.inDateOrder()));
    }

    @Test
    void builder_knowsTheFirstAndLastDay_andWhetherTheOrdersAreInDateOrder_countingOnlyAcceptedOrders() {
        OrderBook.Builder builder = OrderBook.builder(Currency.getInstance("EUR"))
                .add(new Order("A", DAY.plusDays(3), Money.of("1", "EUR")))
                .add(new Order("B", DAY.plusDays(3), Money.of("1", "EUR")));
        assertRejects("amount", () -> builder.add(new Order("A", DAY, Money.of("1", "USD"))));
        OrderBook ordered = builder.build();
        OrderBook later = builder.add(new Order("A", DAY.plusDays(1), Money.of("1", "EUR"))).build();

        int day = (int) DAY.toEpochDay();
        assertEquals(List.of(day + 3, day + 3, true),
                List.of(ordered.minEpochDay(), ordered.maxEpochDay(), ordered.inDateOrder()));
        assertEquals(List.of(day + 1, day + 3, false),
                List.of(later.minEpochDay(), later.maxEpochDay(), later.inDateOrder()));
    }
}
