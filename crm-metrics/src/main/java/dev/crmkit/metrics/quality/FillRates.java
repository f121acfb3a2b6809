package dev.crmkit.metrics.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Data quality: how often every field of every record type holds a value, overall and per owner, and which required
 * fields are most often empty. A field counts for a record when the record lists it; it is filled when it holds a
 * value. Stateless.
 */
public final class FillRates {

    private FillRates() {
    }

    /**
     * The fill report of the records.
     *
     * @param required the required fields per record type; a type not named has none
     */
    public static FillReport of(Iterable<RecordFill> records, Map<String, Set<String>> required) {
        Objects.requireNonNull(required, "required");
        Map<Key, long[]> all = new TreeMap<>();
        Map<String, Map<Key, long[]>> perOwner = new TreeMap<>();
        for (RecordFill r : records) {
            r.fields().forEach((field, filled) -> {
                Key key = new Key(r.recordType(), field);
                count(all, key, filled);
                r.owner().ifPresent(o -> count(perOwner.computeIfAbsent(o, x -> new TreeMap<>()), key, filled));
            });
        }
        SortedMap<String, List<FieldFill>> byOwner = new TreeMap<>();
        perOwner.forEach((owner, counts) -> byOwner.put(owner, fills(counts, required)));
        return new FillReport(fills(all, required), byOwner);
    }

    private static void count(Map<Key, long[]> counts, Key key, boolean filled) {
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        if (filled) {
            c[1]++;
        }
    }

    private static List<FieldFill> fills(Map<Key, long[]> counts, Map<String, Set<String>> required) {
        List<FieldFill> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new FieldFill(k.type(), k.field(),
                required.getOrDefault(k.type(), Set.of()).contains(k.field()), c[0], c[1])));
        return out;
    }

    private record Key(String type, String field) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byType = type.compareTo(o.type);
            return byType != 0 ? byType : field.compareTo(o.field);
        }
    }
}
