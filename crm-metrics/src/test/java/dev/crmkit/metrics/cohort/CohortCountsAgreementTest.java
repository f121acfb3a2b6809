package dev.crmkit.metrics.cohort;

import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.order.SeededBooks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Cohorts#counts} (a bit per customer and period, or the sort when the bits would take more room) equals a
 * plain reference built from sets and maps, on seeded books of every shape: few customers over a short span, many
 * customers over a long span (the sort), months and weeks, orders out of date order and the same in date order (the
 * revenue added in the one pass), customers without orders.
 */
class CohortCountsAgreementTest {

    @Test
    void counts_equalTheSetAndMapReference_onSeededBooks_inBothWays() {
        SplittableRandom random = new SplittableRandom(7101);
        for (int round = 0; round < 300; round++) {
            boolean wide = round % 3 == 0; // many customers over up to 20 years: more bit words than orders
            int customers = 1 + random.nextInt(wide ? 2_000 : 60);
            int orders = 1 + random.nextInt(wide ? 2_000 : 400);
            int days = 1 + random.nextInt(wide ? 7_300 : 1_200);
            OrderBook book = SeededBooks.book(random, customers, orders, 18_600, days,
                    () -> random.nextInt(1_000_000));
            OrderBook ordered = SeededBooks.inDateOrder(book); // the revenue is added in the one pass
            assertTrue(ordered.inDateOrder());
            for (CohortPeriod period : CohortPeriod.values()) {
                List<CohortCount> expected = CohortReference.counts(book, period);
                assertEquals(expected, Cohorts.counts(book, period), "round " + round + " " + period);
                assertEquals(expected, Cohorts.counts(ordered, period), "round " + round + " " + period + " ordered");
            }
        }
    }
}
