package dev.crmkit.core.privacy;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an erasure touched: how many rows (or records) of each table it anonymized or removed, by table name, in
 * name order. Counts only, never a value. Immutable and thread-safe.
 *
 * @param perTable rows touched per table, tables with none left out
 */
public record ErasureCounts(Map<String, Long> perTable) {

    /** Copies the map in name order, leaving out zero counts; a negative count is refused. */
    public ErasureCounts {
        Objects.requireNonNull(perTable, "perTable");
        TreeMap<String, Long> copy = new TreeMap<>();
        perTable.forEach((table, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("perTable: count of " + table + " must not be negative: " + n);
            }
            if (n > 0) {
                copy.put(table, n);
            }
        });
        perTable = Collections.unmodifiableMap(copy);
    }

    /** The rows touched in all tables. */
    public long total() {
        return perTable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The rows touched in one table; 0 for a table not touched. */
    public long of(String table) {
        return perTable.getOrDefault(table, 0L);
    }
}
