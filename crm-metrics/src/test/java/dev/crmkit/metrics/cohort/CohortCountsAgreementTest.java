package dev.crmkit.metrics.cohort;

import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.order.SeededBooks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Cohorts#counts} (a bit per customer and period, or the sort when the bits would take more room) equals a
 * plain reference built from sets and maps, on seeded books of every shape: few customers over a short span, many
 * customers over a long span (the sort), months and weeks, orders out of date order, customers without orders.
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
            for (CohortPeriod period : CohortPeriod.values()) {
                assertEquals(reference(book, period), Cohorts.counts(book, period), "round " + round + " " + period);
            }
        }
    }

    private static List<CohortCount> reference(OrderBook book, CohortPeriod period) {
        Map<Integer, Integer> first = new HashMap<>();
        for (int i = 0; i < book.size(); i++) {
            first.merge(book.customerOf(i), period.indexOf(book.epochDay(i)), Math::min);
        }
        Map<List<Integer>, Set<Integer>> buyers = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        Map<List<Integer>, Long> revenue = new HashMap<>();
        for (int i = 0; i < book.size(); i++) {
            int cohort = first.get(book.customerOf(i));
            List<Integer> cell = List.of(cohort, period.indexOf(book.epochDay(i)) - cohort);
            buyers.computeIfAbsent(cell, k -> new HashSet<>()).add(book.customerOf(i));
            revenue.merge(cell, book.minorUnits(i), Long::sum);
        }
        List<CohortCount> out = new ArrayList<>();
        buyers.forEach((cell, who) -> out.add(new CohortCount(period.start(cell.get(0)), cell.get(1), who.size(),
                revenue.get(cell))));
        return out;
    }
}
