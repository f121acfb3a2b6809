package dev.crmkit.adapters.memory;

import java.util.Map;

/** Writes to a plain map inside a unit of work, undone if the unit of work rolls back. */
final class MapWrites {

    private MapWrites() {
    }

    /** Puts the value under the key, or removes the key when the value is {@code null}; a rollback restores it. */
    static <K, V> void put(InMemoryTransactions tx, Map<K, V> map, K key, V value) {
        tx.inTransaction(() -> {
            V was = value == null ? map.remove(key) : map.put(key, value);
            tx.onRollback(() -> {
                if (was == null) {
                    map.remove(key);
                } else {
                    map.put(key, was);
                }
            });
            return null;
        });
    }
}
