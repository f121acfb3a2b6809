package dev.crmkit.metrics.quality;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fill rates of every field per record type, overall and per owner. Immutable and thread-safe.
 *
 * @param fields  every field of every record type, by type and then field name
 * @param byOwner the same per owner (records without an owner are not in it), by owner
 */
public record FillReport(List<FieldFill> fields, SortedMap<String, List<FieldFill>> byOwner) {

    /** Copies the lists and the map. */
    public FillReport {
        fields = List.copyOf(fields);
        TreeMap<String, List<FieldFill>> copy = new TreeMap<>();
        byOwner.forEach((owner, list) -> copy.put(owner, List.copyOf(list)));
        byOwner = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The required fields most often empty: those empty at least once, most empty records first (ties by record type
     * and field), at most {@code limit} of them.
     */
    public List<FieldFill> mostOftenEmptyRequired(int limit) {
        return fields.stream().filter(f -> f.required() && f.empty() > 0)
                .sorted(Comparator.comparingLong(FieldFill::empty).reversed()
                        .thenComparing(FieldFill::recordType).thenComparing(FieldFill::field))
                .limit(limit).toList();
    }
}
