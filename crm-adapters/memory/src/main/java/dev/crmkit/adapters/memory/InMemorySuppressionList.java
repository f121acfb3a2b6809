package dev.crmkit.adapters.memory;

import dev.crmkit.core.privacy.SuppressionList;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The suppression list in memory: hashes by when they were listed, undone on rollback. Thread-safe. */
final class InMemorySuppressionList implements SuppressionList {

    private final InMemoryTransactions tx;
    private final Map<String, Instant> hashes = new HashMap<>();

    InMemorySuppressionList(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(String hash, Instant at) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
        return tx.inTransaction(() -> {
            if (hashes.containsKey(hash)) {
                return false;
            }
            MapWrites.put(tx, hashes, hash, at);
            return true;
        });
    }

    @Override
    public boolean contains(String hash) {
        return tx.read(() -> hashes.containsKey(Objects.requireNonNull(hash, "hash")));
    }

    @Override
    public long count() {
        return tx.read(() -> (long) hashes.size());
    }
}
