package dev.crmkit.metrics.cohort;

import dev.crmkit.metrics.order.OrderBook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The cohort cells of a book built plainly from sets and maps, the reference the fast calculators are held to. */
public final class CohortReference {

    private CohortReference() {
    }

    /** The non-zero cells by cohort then offset, as {@link Cohorts#counts} gives them. */
    public static List<CohortCount> counts(OrderBook book, CohortPeriod period) {
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
