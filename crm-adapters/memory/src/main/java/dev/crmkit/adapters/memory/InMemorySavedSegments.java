package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.segment.SegmentDefinition;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.archive.SegmentEntry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Saved segment definitions in memory, ordered by name (code points, as in every store). Needs crm-campaigns on the
 * class path (optional here). Thread-safe.
 */
public final class InMemorySavedSegments implements SavedSegments {

    private final TreeMap<String, SegmentDefinition> byName = new TreeMap<>(Archive::compareKeys);

    /** An empty store. */
    public InMemorySavedSegments() {
    }

    @Override
    public synchronized SegmentDefinition save(SegmentDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        long stored = Optional.ofNullable(byName.get(definition.name())).map(SegmentDefinition::version).orElse(0L);
        if (stored != definition.version()) {
            throw new StaleVersionException("segment", definition.name(), definition.version());
        }
        SegmentDefinition next = new SegmentDefinition(definition.name(), definition.filter(), stored + 1);
        byName.put(next.name(), next);
        return next;
    }

    @Override
    public synchronized Optional<SegmentDefinition> find(String name) {
        return Optional.ofNullable(byName.get(Objects.requireNonNull(name, "name")));
    }

    @Override
    public synchronized List<SegmentDefinition> list() {
        return List.copyOf(byName.values());
    }

    @Override
    public synchronized boolean delete(String name) {
        return byName.remove(Objects.requireNonNull(name, "name")) != null;
    }

    /**
     * The archive of the segments, keyed by name, in the units of work of a store: export and restore only. A
     * restore is undone if its unit of work rolls back.
     */
    MemoryArchive<SegmentEntry> archive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "saved segment", this::page, SegmentEntry::name, this::contains, e -> {
            SegmentDefinition d = e.definition();
            synchronized (this) {
                byName.put(d.name(), d);
            }
            tx.onRollback(() -> {
                synchronized (this) {
                    byName.remove(d.name());
                }
            });
        });
    }

    private synchronized List<SegmentEntry> page(Optional<String> after, int limit) {
        return KeyOrder.after(byName.values().stream().map(SegmentEntry::of).toList(), SegmentEntry::name, after,
                limit);
    }

    private synchronized boolean contains(String name) {
        return byName.containsKey(name);
    }
}
