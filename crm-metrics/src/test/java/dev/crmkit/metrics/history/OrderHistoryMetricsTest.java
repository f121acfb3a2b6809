package dev.crmkit.metrics.history;

import dev.crmkit.metrics.cohort.CohortMatrix;
import dev.crmkit.metrics.cohort.CohortPeriod;
import dev.crmkit.metrics.cohort.CohortReference;
import dev.crmkit.metrics.cohort.Cohorts;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.order.SeededBooks;
import dev.crmkit.metrics.rfm.CustomerRfm;
import dev.crmkit.metrics.rfm.Rfm;
import dev.crmkit.metrics.rfm.SegmentMapping;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics computed together equal each computed alone, and both equal a plain per-order reference written here
 * (per-customer last day, count and sum; quintiles by the documented midpoint rule; the LTV's counts and rates), on
 * seeded books with orders after the as-of date, customers who bought only after it, ties and a single customer.
 */
class OrderHistoryMetricsTest {

    private static final BigDecimal MARGIN = new BigDecimal("0.30");

    @Test
    void together_equalsEachAlone_andThePlainReference_onSeededBooks() {
        SplittableRandom random = new SplittableRandom(7301);
        for (int round = 0; round < 200; round++) {
            int customers = 1 + random.nextInt(round % 10 == 0 ? 3 : 300);
            int orders = customers + random.nextInt(2_000);
            // three years of orders with ties in the sums; the as-of date falls among them, so some come after it
            OrderBook book = SeededBooks.book(random, customers, orders, 19_000, 1_100,
                    () -> random.nextInt(4) == 0 ? 1_000 : random.nextInt(500_000));
            check(book, random, "round " + round);
        }
    }

    /**
     * The one pass meets a date-ordered book's customers at their first order and adds the cohort revenue as it goes:
     * the same results on such books, with the edges drawn in: one-order customers (as many orders as customers),
     * amounts of zero, few distinct amounts (ties across quintile edges), months with no order at all, customers
     * with no order.
     */
    @Test
    void together_equalsEachAlone_andThePlainReference_onDateOrderedBooksWithEdges() {
        SplittableRandom random = new SplittableRandom(7302);
        long[] few = {0, 0, 500, 1_000, 1_000, 2_500};
        for (int round = 0; round < 200; round++) {
            int customers = 1 + random.nextInt(round % 10 == 0 ? 3 : 400);
            int orders = Math.max(1, customers - random.nextInt(3) + (round % 4 == 0 ? 0 : random.nextInt(1_500)));
            boolean ties = round % 2 == 0;
            OrderBook drawn = SeededBooks.book(random, customers, orders, 19_000, 1_100,
                    () -> ties ? few[random.nextInt(few.length)] : random.nextInt(3) == 0 ? 0 : random.nextInt(90_000));
            OrderBook book = SeededBooks.inDateOrder(withEmptyMonths(drawn, random));
            assertTrue(book.inDateOrder());
            check(book, random, "round " + round);
        }
    }

    /** The book with every order of a random third of its months moved to the month before: those months stay empty. */
    private static OrderBook withEmptyMonths(OrderBook book, SplittableRandom random) {
        long emptied = random.nextLong();
        String[] ids = new String[book.customerCount()];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = book.customerId(c);
        }
        int[] customerOf = new int[book.size()];
        int[] day = new int[book.size()];
        long[] minor = new long[book.size()];
        for (int i = 0; i < book.size(); i++) {
            customerOf[i] = book.customerOf(i);
            minor[i] = book.minorUnits(i);
            LocalDate date = book.date(i);
            int month = date.getYear() * 12 + date.getMonthValue();
            day[i] = (int) ((emptied >>> (month % 60)) % 3 == 0
                    ? date.withDayOfMonth(1).minusDays(1).toEpochDay() : date.toEpochDay());
        }
        return OrderBook.ofColumns(book.currency(), ids, customerOf, day, minor);
    }

    private static void check(OrderBook book, SplittableRandom random, String round) {
        LocalDate asOf = LocalDate.ofEpochDay(book.minEpochDay() + random.nextInt(1_100)); // an order on or before
        int window = 1 + random.nextInt(180);
        OrderHistoryMetrics together = OrderHistoryMetrics.of(book, asOf, window, MARGIN, CohortPeriod.MONTH);

        List<CustomerRfm> alone = Rfm.score(book, asOf, SegmentMapping.standard()).customers();
        assertEquals(alone, together.rfm().customers(), round);
        assertEquals(OrderHistoryLtv.of(book, asOf, window, MARGIN), together.ltv(), round);
        assertEquals(Cohorts.of(book, CohortPeriod.MONTH), together.cohorts(), round);
        assertEquals(CohortMatrix.of(CohortPeriod.MONTH, book.currency(),
                CohortReference.counts(book, CohortPeriod.MONTH)), together.cohorts(), round);
        checkAgainstReference(book, asOf, window, together);
    }

    private static void checkAgainstReference(OrderBook book, LocalDate asOf, int window, OrderHistoryMetrics m) {
        int n = book.customerCount();
        long asOfDay = asOf.toEpochDay();
        int[] first = new int[n];
        int[] last = new int[n];
        long[] count = new long[n];
        long[] sum = new long[n];
        long orders = 0;
        long revenue = 0;
        for (int i = 0; i < book.size(); i++) {
            int d = book.epochDay(i);
            if (d > asOfDay) {
                continue;
            }
            int c = book.customerOf(i);
            first[c] = count[c] == 0 ? d : Math.min(first[c], d);
            last[c] = count[c] == 0 ? d : Math.max(last[c], d);
            count[c]++;
            sum[c] += book.minorUnits(i);
            orders++;
            revenue += book.minorUnits(i);
        }
        List<Integer> scored = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (count[c] > 0) {
                scored.add(c);
            }
        }
        long[] r = new long[scored.size()];
        long[] f = new long[scored.size()];
        long[] mon = new long[scored.size()];
        for (int row = 0; row < scored.size(); row++) {
            int c = scored.get(row);
            r[row] = last[c];
            f[row] = count[c];
            mon[row] = sum[c];
        }
        int[] rs = quintiles(r);
        int[] fs = quintiles(f);
        int[] ms = quintiles(mon);
        List<CustomerRfm> rfm = m.rfm().customers();
        assertEquals(scored.size(), rfm.size());
        long customers = scored.size();
        long churned = 0;
        long span = 0;
        for (int row = 0; row < scored.size(); row++) {
            int c = scored.get(row);
            CustomerRfm got = rfm.get(row);
            assertEquals(book.customerId(c), got.customerId());
            assertEquals(LocalDate.ofEpochDay(last[c]), got.lastPurchase());
            assertEquals(asOfDay - last[c], got.recencyDays());
            assertEquals(count[c], got.frequency());
            assertEquals(book.money(sum[c]), got.monetary());
            assertEquals(List.of(rs[row], fs[row], ms[row]), List.of(got.r(), got.f(), got.m()));
            churned += asOfDay - last[c] >= window ? 1 : 0;
            span += last[c] - first[c] + 1;
        }
        assertEquals(customers, m.ltv().stats().customers());
        assertEquals(orders, m.ltv().stats().orders());
        assertEquals(book.money(revenue), m.ltv().stats().revenue());
        assertEquals(BigDecimal.valueOf(churned).divide(BigDecimal.valueOf(customers), 6, RoundingMode.HALF_EVEN),
                m.ltv().stats().churnRate());
        int firstDay = scored.stream().mapToInt(c -> first[c]).min().orElseThrow();
        assertEquals(asOfDay - firstDay + 1, m.ltv().stats().observedDays());
        assertEquals(BigDecimal.valueOf(span).divide(BigDecimal.valueOf(customers).multiply(new BigDecimal("365.25")),
                6, RoundingMode.HALF_EVEN), m.ltv().stats().lifespanYears().setScale(6, RoundingMode.HALF_EVEN));
    }

    /** The documented rule: a run of equal values at sorted positions first..last scores 1 + 5(first+last+1)/2n. */
    private static int[] quintiles(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int first = 0;
            while (sorted[first] != values[i]) {
                first++;
            }
            int last = first;
            while (last + 1 < sorted.length && sorted[last + 1] == values[i]) {
                last++;
            }
            out[i] = (int) (1 + 5L * (first + last + 1) / (2L * values.length));
        }
        return out;
    }
}
