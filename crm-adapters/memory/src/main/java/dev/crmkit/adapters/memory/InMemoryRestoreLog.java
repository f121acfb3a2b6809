package dev.crmkit.adapters.memory;

import dev.crmkit.kit.archive.RestoreLog;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The restore progress of the in-memory store, undone with the unit of work that wrote it. Thread-safe. */
final class InMemoryRestoreLog implements RestoreLog {

    private final InMemoryTransactions tx;
    private final Map<String, Map<String, String>> progress = new HashMap<>(); // guarded by the store's lock

    InMemoryRestoreLog(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean begun(String export) {
        Objects.requireNonNull(export, "export");
        return tx.read(() -> progress.containsKey(export));
    }

    @Override
    public Optional<String> lastKey(String export, String recordType) {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(recordType, "recordType");
        return tx.read(() -> Optional.ofNullable(progress.getOrDefault(export, Map.of()).get(recordType)));
    }

    @Override
    public void advance(String export, String recordType, String lastKey) {
        Objects.requireNonNull(lastKey, "lastKey");
        tx.run(() -> {
            boolean fresh = !progress.containsKey(export);
            String before = progress.computeIfAbsent(export, e -> new HashMap<>()).put(recordType, lastKey);
            tx.onRollback(() -> {
                if (fresh) {
                    progress.remove(export);
                } else if (before == null) {
                    progress.get(export).remove(recordType);
                } else {
                    progress.get(export).put(recordType, before);
                }
            });
        });
    }
}
