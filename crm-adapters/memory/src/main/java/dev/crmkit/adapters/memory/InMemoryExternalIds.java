package dev.crmkit.adapters.memory;

import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.migration.ExternalId;
import dev.crmkit.kit.migration.ExternalIds;
import dev.crmkit.kit.migration.ExternalKey;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The external ids of migrated records in memory, undone with the unit of work that added them. Thread-safe. */
final class InMemoryExternalIds implements ExternalIds {

    private final InMemoryTransactions tx;
    private final Map<ExternalKey, ExternalId> links = new HashMap<>();

    InMemoryExternalIds(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ExternalId> find(ExternalKey key) {
        Objects.requireNonNull(key, "key");
        return tx.read(() -> Optional.ofNullable(links.get(key)));
    }

    @Override
    public boolean add(ExternalId link) {
        Objects.requireNonNull(link, "link");
        return tx.inTransaction(() -> {
            if (links.putIfAbsent(link.key(), link) != null) {
                return false;
            }
            tx.onRollback(() -> links.remove(link.key()));
            return true;
        });
    }

    @Override
    public long count(String system) {
        Objects.requireNonNull(system, "system");
        return tx.read(() -> links.keySet().stream().filter(k -> k.system().equals(system)).count());
    }

    @Override
    public Archive<ExternalId> archive() {
        return new MemoryArchive<>(tx, "external id", (after, limit) -> KeyOrder.after(links.values(),
                l -> l.key().text(), after, limit), l -> l.key().text(),
                k -> links.containsKey(ExternalKey.parse(k)), this::add);
    }
}
