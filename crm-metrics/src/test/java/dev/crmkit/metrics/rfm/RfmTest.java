package dev.crmkit.metrics.rfm;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RfmTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    private static Order order(String customer, LocalDate date, String amount) {
        return new Order(customer, date, Money.of(amount, "EUR"));
    }

    /** C1 bought 1 day ago once for 10, ... C5 bought 365 days ago five times for 50 each. */
    private static OrderBook fiveCustomers() {
        int[] daysAgo = {1, 10, 30, 90, 365};
        List<Order> orders = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            for (int k = 0; k <= c; k++) {
                orders.add(order("C" + (c + 1), AS_OF.minusDays(daysAgo[c] + 10L * k), "10"));
            }
        }
        orders.add(order("C1", AS_OF.plusDays(1), "1000")); // after the as-of date: ignored
        return OrderBook.of(orders);
    }

    @Test
    void score_fiveCustomers_scoresRecencyFrequencyAndMonetary() {
        RfmTable table = Rfm.score(fiveCustomers(), AS_OF);

        assertEquals(5, table.size());
        CustomerRfm first = table.customer(0);
        assertEquals(new CustomerRfm("C1", AS_OF.minusDays(1), 1, 1, Money.of("10.00", "EUR"), 5, 1, 1,
                Segment.NEW_CUSTOMERS), first);
        CustomerRfm last = table.customer(4);
        assertEquals(new CustomerRfm("C5", AS_OF.minusDays(365), 365, 5, Money.of("50.00", "EUR"), 1, 5, 5,
                Segment.CANT_LOSE_THEM), last);
        assertEquals(List.of(5, 4, 3, 2, 1), table.customers().stream().map(CustomerRfm::r).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), table.customers().stream().map(CustomerRfm::f).toList());
    }

    @Test
    void score_allEqualCustomers_allScoreThreeAndNeedAttention() {
        List<Order> orders = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            orders.add(order("C" + c, AS_OF.minusDays(5), "20"));
        }
        RfmTable table = Rfm.score(OrderBook.of(orders), AS_OF);

        for (CustomerRfm customer : table.customers()) {
            assertEquals(List.of(3, 3, 3), List.of(customer.r(), customer.f(), customer.m()));
            assertEquals(Segment.NEED_ATTENTION, customer.segment());
        }
        assertEquals(4L, table.segmentCounts().get(Segment.NEED_ATTENTION));
    }

    @Test
    void score_singleCustomer_scoresThree() {
        RfmTable table = Rfm.score(OrderBook.of(List.of(order("A", AS_OF, "5"))), AS_OF);

        assertEquals(1, table.size());
        assertEquals(3, table.r(0));
        assertEquals(0, table.customer(0).recencyDays());
    }

    @Test
    void score_emptyBook_isEmptyWithEverySegmentAtZero() {
        OrderBook empty = OrderBook.ofColumns(Currency.getInstance("EUR"), new String[0], new int[0], new int[0],
                new long[0]);
        RfmTable table = Rfm.score(empty, AS_OF);

        assertEquals(0, table.size());
        assertEquals(11, table.segmentCounts().size());
        assertTrue(table.segmentCounts().values().stream().allMatch(n -> n == 0));
    }

    @Test
    void score_customerWithOnlyLaterOrders_isNotScored() {
        OrderBook book = OrderBook.of(List.of(order("A", AS_OF, "5"), order("B", AS_OF.plusDays(3), "5")));
        RfmTable table = Rfm.score(book, AS_OF);

        assertEquals(1, table.size());
        assertEquals("A", table.customer(0).customerId());
    }

    @Test
    void score_ownMapping_replacesTheStandardOne() {
        RfmTable table = Rfm.score(fiveCustomers(), AS_OF, (r, f, m) -> r >= 4 ? Segment.CHAMPIONS : Segment.LOST);

        Map<Segment, Long> counts = table.segmentCounts();
        assertEquals(2L, counts.get(Segment.CHAMPIONS));
        assertEquals(3L, counts.get(Segment.LOST));
    }

    @Test
    void score_manyCustomers_scoresAreEvenWithinOne() {
        OrderBook.Builder builder = OrderBook.builder(Currency.getInstance("EUR"));
        for (int c = 0; c < 1003; c++) {
            // distinct recency, frequency 1, distinct monetary
            builder.add(order("C" + c, AS_OF.minusDays(c), c + ".01"));
        }
        RfmTable table = Rfm.score(builder.build(), AS_OF);
        int[] r = new int[6];
        int[] m = new int[6];
        for (int i = 0; i < table.size(); i++) {
            r[table.r(i)]++;
            m[table.m(i)]++;
            assertEquals(3, table.f(i)); // everyone ordered once: one tie run
        }
        for (int s = 1; s <= 5; s++) {
            assertTrue(r[s] == 200 || r[s] == 201, "R " + s + ": " + r[s]);
            assertTrue(m[s] == 200 || m[s] == 201, "M " + s + ": " + m[s]);
        }
    }

    @Test
    void score_asksTheMappingOncePerDistinctScores_andGivesEachCustomerItsAnswer() {
        List<Order> orders = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            orders.add(order("C" + c, AS_OF.minusDays(c % 4), "20")); // four recencies, equal F and M: four (R, F, M)
        }
        List<List<Integer>> asked = new ArrayList<>();
        SegmentMapping counting = (r, f, m) -> {
            asked.add(List.of(r, f, m));
            return SegmentMapping.standard().segmentOf(r, f, m);
        };

        RfmTable table = Rfm.score(OrderBook.of(orders), AS_OF, counting);

        assertEquals(4, asked.size(), asked.toString());
        assertEquals(4, asked.stream().distinct().count(), asked.toString());
        for (CustomerRfm row : table.customers()) {
            assertEquals(SegmentMapping.standard().segmentOf(row.r(), row.f(), row.m()), row.segment(), row.toString());
        }
    }
}
