package dev.crmkit.metrics.rfm;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WinBackScheduleTest {

    private static final LocalDate LAST = LocalDate.of(2024, 1, 15);

    @Test
    void offers_standard_nineMonthsThenEveryThreeUntilThreeYears() {
        List<LocalDate> offers = WinBackSchedule.standard().offers(LAST);

        assertEquals(9, offers.size());
        assertEquals(LocalDate.of(2024, 10, 15), offers.get(0));
        assertEquals(LocalDate.of(2025, 1, 15), offers.get(1));
        assertEquals(LocalDate.of(2025, 4, 15), offers.get(2));
        assertEquals(LocalDate.of(2026, 10, 15), offers.get(8));
        assertEquals(LocalDate.of(2027, 1, 15), WinBackSchedule.standard().lostOn(LAST));
    }

    @Test
    void offers_monthEnd_doesNotDrift() {
        List<LocalDate> offers = WinBackSchedule.standard().offers(LocalDate.of(2024, 5, 31));

        assertEquals(LocalDate.of(2025, 2, 28), offers.get(0));
        assertEquals(LocalDate.of(2025, 5, 31), offers.get(1));
    }

    @Test
    void offers_configured_followTheConfiguration() {
        WinBackSchedule schedule = new WinBackSchedule(Period.ofMonths(6), Period.ofMonths(6), Period.ofYears(2));

        assertEquals(List.of(LocalDate.of(2024, 7, 15), LocalDate.of(2025, 1, 15), LocalDate.of(2025, 7, 15)),
                schedule.offers(LAST));
    }

    @Test
    void plans_book_givesNextOfferAndLostPerCustomer() {
        OrderBook book = OrderBook.of(List.of(
                new Order("A", LAST, Money.of("10", "EUR")),
                new Order("B", LocalDate.of(2020, 1, 1), Money.of("10", "EUR")),
                new Order("A", LocalDate.of(2023, 1, 1), Money.of("10", "EUR")),
                new Order("C", LocalDate.of(2026, 1, 1), Money.of("10", "EUR"))));
        LocalDate asOf = LocalDate.of(2025, 2, 1);

        List<WinBackPlan> plans = WinBackSchedule.standard().plans(book, asOf);

        assertEquals(2, plans.size()); // C's only order is after the as-of date
        WinBackPlan a = plans.get(0);
        assertEquals("A", a.customerId());
        assertEquals(LAST, a.lastPurchase());
        assertEquals(Optional.of(LocalDate.of(2025, 4, 15)), a.nextOffer());
        assertFalse(a.lost());
        WinBackPlan b = plans.get(1);
        assertTrue(b.lost());
        assertEquals(Optional.empty(), b.nextOffer());
    }

    @Test
    void plan_asOfOnAnOfferDay_thatOfferIsNext() {
        WinBackPlan plan = WinBackSchedule.standard().plan("A", LAST, LocalDate.of(2024, 10, 15));
        assertEquals(Optional.of(LocalDate.of(2024, 10, 15)), plan.nextOffer());
    }

    @Test
    void schedule_zeroInterval_isRejectedNamingInterval() {
        assertRejects("interval", () -> new WinBackSchedule(Period.ofMonths(9), Period.ZERO, Period.ofYears(3)));
    }

    @Test
    void schedule_negativeFirstOffer_isRejectedNamingFirstOffer() {
        assertRejects("firstOffer", () -> new WinBackSchedule(Period.ofMonths(-9), Period.ofMonths(3),
                Period.ofYears(3)));
    }

    @Test
    void schedule_lostBeforeFirstOffer_isRejectedNamingLostAfter() {
        assertRejects("lostAfter", () -> new WinBackSchedule(Period.ofMonths(9), Period.ofMonths(3),
                Period.ofMonths(9)));
    }
}
