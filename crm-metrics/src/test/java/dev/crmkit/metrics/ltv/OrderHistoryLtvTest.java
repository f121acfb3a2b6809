package dev.crmkit.metrics.ltv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderHistoryLtvTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    private static final BigDecimal MARGIN = new BigDecimal("0.4");

    private static Order order(String customer, String date, String amount) {
        return new Order(customer, LocalDate.parse(date), Money.of(amount, "EUR"));
    }

    private static OrderBook twoCustomers() {
        return OrderBook.of(List.of(order("A", "2024-01-01", "100"), order("A", "2024-12-31", "100"),
                order("B", "2024-01-01", "50"), order("B", "2025-01-05", "999")));
    }

    @Test
    void of_twoCustomers_derivesTheDocumentedInputs() {
        OrderHistoryStats stats = OrderHistoryLtv.of(twoCustomers(), AS_OF, 90, MARGIN).stats();

        assertEquals(2, stats.customers());
        assertEquals(3, stats.orders());
        assertEquals(Money.of("250.00", "EUR"), stats.revenue());
        assertEquals(366, stats.observedDays());
        assertEquals(Money.of("83.33", "EUR"), stats.averageOrderValue());
        assertEquals(new BigDecimal("1.496926"), stats.purchasesPerYear()); // 3 x 365.25 / (2 x 366)
        assertEquals(Money.of("10.40", "EUR"), stats.arpuPerMonth()); // 250 x 30.4375 / (2 x 366)
        assertEquals(new BigDecimal("0.502396"), stats.lifespanYears()); // (366 + 1) / 2 / 365.25
        assertEquals(new BigDecimal("0.500000"), stats.churnRate()); // B's last order is 365 days old
        assertEquals(Money.of("30.74", "EUR"), stats.arpuPerChurnWindow()); // 250 x 90 / (2 x 366)
    }

    @Test
    void of_twoCustomers_feedsTheModels() {
        OrderHistoryLtv ltv = OrderHistoryLtv.of(twoCustomers(), AS_OF, 90, MARGIN);

        // 250 x 367 / (732 x 2) = 62.6707 either way
        assertEquals(Money.of("62.67", "EUR"), ltv.arpuTimesLifetime());
        assertEquals(Money.of("62.67", "EUR"), ltv.aovTimesFrequencyTimesLifespan());
        // 250 x 90 / 732 x 0.4 / 0.5 = 24.5902
        assertEquals(Optional.of(Money.of("24.59", "EUR")), ltv.marginOverChurn());
    }

    @Test
    void of_nobodyChurned_hasNoMarginOverChurn() {
        OrderBook book = OrderBook.of(List.of(order("A", "2024-12-01", "10"), order("B", "2024-12-30", "20")));

        OrderHistoryLtv ltv = OrderHistoryLtv.of(book, AS_OF, 90, MARGIN);

        assertEquals(Optional.empty(), ltv.marginOverChurn());
        assertEquals(new BigDecimal("0.000000"), ltv.stats().churnRate());
    }

    @Test
    void of_singleCustomerSingleOrderOnTheAsOfDay_isOneDayOfRevenue() {
        OrderBook book = OrderBook.of(List.of(order("A", "2024-12-31", "365.25")));

        OrderHistoryLtv ltv = OrderHistoryLtv.of(book, AS_OF, 30, MARGIN);

        assertEquals(1, ltv.stats().observedDays());
        // one order a day over one day: 365.25 orders a year, lifespan one day
        assertEquals(new BigDecimal("365.250000"), ltv.stats().purchasesPerYear());
        assertEquals(Money.of("365.25", "EUR"), ltv.aovTimesFrequencyTimesLifespan());
    }

    @Test
    void of_noOrderUpToTheAsOfDate_isRejectedNamingOrders() {
        assertRejects("orders", () -> OrderHistoryLtv.of(twoCustomers(), LocalDate.of(2023, 1, 1), 90, MARGIN));
    }

    @Test
    void of_emptyBook_isRejectedNamingOrders() {
        OrderBook empty = OrderBook.ofColumns(Currency.getInstance("EUR"), new String[0], new int[0], new int[0],
                new long[0]);
        assertRejects("orders", () -> OrderHistoryLtv.of(empty, AS_OF, 90, MARGIN));
    }

    @Test
    void of_zeroWindow_isRejectedNamingChurnWindowDays() {
        assertRejects("churnWindowDays", () -> OrderHistoryLtv.of(twoCustomers(), AS_OF, 0, MARGIN));
    }

    @Test
    void of_marginAboveOne_isRejectedNamingGrossMargin() {
        assertRejects("grossMargin", () -> OrderHistoryLtv.of(twoCustomers(), AS_OF, 90, new BigDecimal("1.5")));
    }
}
