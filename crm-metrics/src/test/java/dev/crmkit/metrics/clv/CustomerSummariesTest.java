package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary convention: same-day orders merged, later orders ignored, times in the unit. */
class CustomerSummariesTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = START.plusDays(70);

    private static Order order(String customer, int day, String amount) {
        return new Order(customer, START.plusDays(day), Money.of(amount, "EUR"));
    }

    @Test
    void of_sameDayOrders_countAsOnePurchaseWithSummedAmount() {
        OrderBook book = OrderBook.of(List.of(order("ann", 0, "10.00"), order("ann", 5, "20.00"),
                order("ann", 5, "10.00"), order("ann", 9, "40.00")));
        CustomerSummary ann = CustomerSummaries.of(book, END, TimeUnit.DAY).summary(0);
        assertEquals(2, ann.frequency());
        assertEquals(9, ann.recency());
        assertEquals(70, ann.age());
        assertEquals(Money.of("35.00", "EUR"), ann.monetaryValue());
    }

    @Test
    void of_ordersAfterObservationEnd_areIgnored() {
        OrderBook book = OrderBook.of(List.of(order("ann", 0, "10.00"), order("ann", 7, "30.00"),
                order("ann", 71, "500.00"), order("bob", 80, "5.00")));
        CustomerSummaries summaries = CustomerSummaries.of(book, END, TimeUnit.DAY);
        assertEquals(1, summaries.size());
        CustomerSummary ann = summaries.summary(0);
        assertEquals(1, ann.frequency());
        assertEquals(7, ann.recency());
        assertEquals(Money.of("30.00", "EUR"), ann.monetaryValue());
        assertTrue(summaries.find("bob").isEmpty());
        ValidationException e = assertThrows(ValidationException.class, () -> summaries.row("bob"));
        assertEquals("customer", e.violations().get(0).field());
    }

    @Test
    void of_orderOnObservationEnd_isCounted() {
        OrderBook book = OrderBook.of(List.of(order("ann", 0, "10.00"), order("ann", 70, "30.00")));
        CustomerSummary ann = CustomerSummaries.of(book, END, TimeUnit.DAY).summary(0);
        assertEquals(1, ann.frequency());
        assertEquals(70, ann.recency());
    }

    @Test
    void of_weekUnit_dividesDaysBySeven() {
        OrderBook book = OrderBook.of(List.of(order("ann", 0, "10.00"), order("ann", 14, "30.00")));
        CustomerSummary ann = CustomerSummaries.of(book, END, TimeUnit.WEEK).summary(0);
        assertEquals(2, ann.recency(), 1e-12);
        assertEquals(10, ann.age(), 1e-12);
    }

    @Test
    void of_monthUnit_dividesDaysByThirty() {
        OrderBook book = OrderBook.of(List.of(order("ann", 10, "10.00"), order("ann", 25, "30.00")));
        CustomerSummary ann = CustomerSummaries.of(book, END, TimeUnit.MONTH).summary(0);
        assertEquals(0.5, ann.recency(), 1e-12);
        assertEquals(2, ann.age(), 1e-12);
    }

    @Test
    void of_singlePurchaseDay_hasZeroFrequencyAndMonetaryValue() {
        OrderBook book = OrderBook.of(List.of(order("ann", 3, "10.00"), order("ann", 3, "15.00")));
        CustomerSummaries summaries = CustomerSummaries.of(book, END, TimeUnit.DAY);
        CustomerSummary ann = summaries.summary(0);
        assertEquals(0, ann.frequency());
        assertEquals(0, ann.recency());
        assertEquals(67, ann.age());
        assertEquals(Money.of("0.00", "EUR"), ann.monetaryValue());
        assertEquals(0, summaries.monetary(0));
    }

    @Test
    void of_meanOfRepeats_roundsHalfEven() {
        OrderBook book = OrderBook.of(List.of(order("ann", 0, "1.00"), order("ann", 1, "0.01"),
                order("ann", 2, "0.00"), order("ann", 3, "0.00"), order("ann", 4, "0.00"), order("ann", 5, "0.04"),
                order("ann", 6, "0.00"), order("ann", 7, "0.00"), order("ann", 8, "0.00")));
        CustomerSummaries summaries = CustomerSummaries.of(book, END, TimeUnit.DAY);
        assertEquals(Money.of("0.01", "EUR"), summaries.monetaryValue(0));
        assertEquals(0.05 / 8, summaries.monetary(0), 1e-15);
    }

    @Test
    void of_orderOfOrders_doesNotMatter() {
        List<Order> orders = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            orders.add(order("c" + random.nextInt(40), random.nextInt(90), random.nextInt(10_000) / 100 + ".00"));
        }
        CustomerSummaries first = CustomerSummaries.of(OrderBook.of(orders), END, TimeUnit.WEEK);
        Collections.shuffle(orders, random);
        CustomerSummaries second = CustomerSummaries.of(OrderBook.of(orders), END, TimeUnit.WEEK);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            String id = first.customerId(i);
            assertEquals(first.summary(i), second.summary(second.row(id)), id);
        }
    }

    @Test
    void of_noOrderUpToObservationEnd_throws() {
        OrderBook book = OrderBook.of(List.of(order("ann", 80, "10.00")));
        ValidationException e = assertThrows(ValidationException.class,
                () -> CustomerSummaries.of(book, END, TimeUnit.DAY));
        assertEquals("orders", e.violations().get(0).field());
    }

    @Test
    void ofColumns_recencyAboveAge_throws() {
        ValidationException e = assertThrows(ValidationException.class, () -> CustomerSummaries.ofColumns(
                Simulation.EUR, TimeUnit.DAY, new String[] {"a"}, new int[] {1}, new double[] {5},
                new double[] {4}, new long[] {100}));
        assertEquals("recency[0]", e.violations().get(0).field());
    }

    @Test
    void ofColumns_empty_throws() {
        ValidationException e = assertThrows(ValidationException.class, () -> CustomerSummaries.ofColumns(
                Simulation.EUR, TimeUnit.DAY, new String[0], new int[0], new double[0], new double[0], new long[0]));
        assertEquals("customers", e.violations().get(0).field());
    }
}
