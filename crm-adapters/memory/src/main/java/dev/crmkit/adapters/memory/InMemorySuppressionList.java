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

    /** The archive of the entries, keyed by hash: export and restore only (a restore is undone on rollback). */
    MemoryArchive<dev.crmkit.kit.archive.SuppressedHash> archive() {
        return new MemoryArchive<>(tx, "suppressed hash", (after, limit) -> tx.read(() -> KeyOrder.after(
                hashes.entrySet().stream().map(e -> new dev.crmkit.kit.archive.SuppressedHash(e.getKey(),
                        e.getValue())).toList(), dev.crmkit.kit.archive.SuppressedHash::hash, after, limit)),
                dev.crmkit.kit.archive.SuppressedHash::hash, k -> tx.read(() -> hashes.containsKey(k)),
                e -> add(e.hash(), e.at()));
    }
}
