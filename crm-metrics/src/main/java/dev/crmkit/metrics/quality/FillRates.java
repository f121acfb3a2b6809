package dev.crmkit.metrics.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Data quality: how often every field of every record type holds a value, overall and per owner, and which required
 * fields are most often empty. A field counts for a record when the record lists it; it is filled when it holds a
 * value. Records can be given one by one ({@link #of}) or as counts already made elsewhere, a database for example
 * ({@link #tally()}); both give the same report for the same records.
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
        Tally tally = tally();
        for (RecordFill r : records) {
            r.fields().forEach((field, filled) -> tally.add(r.recordType(), r.owner(), field, 1, filled ? 1 : 0));
        }
        return tally.report(required);
    }

    /** An empty tally to add counts to. */
    public static Tally tally() {
        return new Tally();
    }

    /** Counts of records and filled values per record type, owner and field, added up. Not thread-safe. */
    public static final class Tally {
        private final Map<Key, long[]> all = new TreeMap<>();
        private final Map<String, Map<Key, long[]>> perOwner = new TreeMap<>();

        private Tally() {
        }

        /**
         * Adds {@code records} records of a type and owner that have the field, {@code filled} of them with a value.
         *
         * @throws IllegalArgumentException if {@code filled} is not from 0 to {@code records}
         */
        public Tally add(String recordType, Optional<String> owner, String field, long records, long filled) {
            Objects.requireNonNull(recordType, "recordType");
            Objects.requireNonNull(field, "field");
            if (filled < 0 || filled > records) {
                throw new IllegalArgumentException("filled must be from 0 to records " + records + ", was "
                        + filled);
            }
            Key key = new Key(recordType, field);
            count(all, key, records, filled);
            owner.ifPresent(o -> count(perOwner.computeIfAbsent(o, x -> new TreeMap<>()), key, records, filled));
            return this;
        }

        /**
         * The report of the counts.
         *
         * @param required the required fields per record type; a type not named has none
         */
        public FillReport report(Map<String, Set<String>> required) {
            Objects.requireNonNull(required, "required");
            SortedMap<String, List<FieldFill>> byOwner = new TreeMap<>();
            perOwner.forEach((owner, counts) -> byOwner.put(owner, fills(counts, required)));
            return new FillReport(fills(all, required), byOwner);
        }

        private static void count(Map<Key, long[]> counts, Key key, long records, long filled) {
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0] += records;
            c[1] += filled;
        }

        private static List<FieldFill> fills(Map<Key, long[]> counts, Map<String, Set<String>> required) {
            List<FieldFill> out = new ArrayList<>();
            counts.forEach((k, c) -> {
                if (c[0] > 0) {
                    out.add(new FieldFill(k.type(), k.field(),
                            required.getOrDefault(k.type(), Set.of()).contains(k.field()), c[0], c[1]));
                }
            });
            return out;
        }
    }

    private record Key(String type, String field) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byType = type.compareTo(o.type);
            return byType != 0 ? byType : field.compareTo(o.field);
        }
    }
}
