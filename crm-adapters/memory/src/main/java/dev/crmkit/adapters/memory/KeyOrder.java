package dev.crmkit.adapters.memory;

import dev.crmkit.kit.archive.Archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Picks one page of rows in the order of their archive keys without sorting them all: one pass over the rows keeps
 * the {@code limit} smallest keys after the bound in a heap, so a page costs O(n log limit) time and O(limit) memory.
 */
final class KeyOrder {

    private KeyOrder() {
    }

    /** The rows whose key comes after {@code after} (all when empty), in key order, at most {@code limit}. */
    static <R> List<R> after(Iterable<R> rows, Function<R, String> key, Optional<String> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        Comparator<Keyed<R>> byKey = (x, y) -> Archive.compareKeys(x.key(), y.key());
        PriorityQueue<Keyed<R>> largestFirst = new PriorityQueue<>(byKey.reversed());
        for (R row : rows) {
            String k = key.apply(row);
            if (after.isPresent() && Archive.compareKeys(k, after.get()) <= 0) {
                continue;
            }
            if (largestFirst.size() < limit) {
                largestFirst.add(new Keyed<>(k, row));
            } else if (Archive.compareKeys(k, largestFirst.peek().key()) < 0) {
                largestFirst.poll();
                largestFirst.add(new Keyed<>(k, row));
            }
        }
        List<Keyed<R>> page = new ArrayList<>(largestFirst);
        page.sort(byKey);
        return page.stream().map(Keyed::row).toList();
    }

    private record Keyed<R>(String key, R row) {
    }
}
