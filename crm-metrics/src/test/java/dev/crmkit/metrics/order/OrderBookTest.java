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
}
