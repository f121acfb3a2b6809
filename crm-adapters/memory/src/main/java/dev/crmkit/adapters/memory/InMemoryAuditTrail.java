package dev.crmkit.adapters.memory;

import dev.crmkit.core.access.Actor;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The audit trail in memory: entries ordered by time and then by the order they were appended (the same order key
 * as the other lists), an append undone with its unit of work. Lists scan the entries in order; it is meant for
 * demos and tests, where the trail is small. Thread-safe.
 */
final class InMemoryAuditTrail implements AuditTrail {

    private final InMemoryTransactions tx;
    private final NavigableMap<OrderKey, AuditEntry> entries = new TreeMap<>();
    private final Set<UUID> ids = new HashSet<>();
    private long appended;

    InMemoryAuditTrail(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        tx.run(() -> {
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("audit entry " + entry.id() + " is already appended");
            }
            OrderKey key = new OrderKey(entry.at(), ++appended);
            entries.put(key, entry);
            tx.onRollback(() -> {
                entries.remove(key);
                ids.remove(entry.id());
            });
        });
    }

    /**
     * Replaces the entries that pass the filter with what {@code how} makes of them, in place (same order), undone on
     * rollback: only for a person's erasure, which must leave no old or new value of theirs. Returns how many changed.
     */
    long rewrite(Predicate<AuditEntry> which, java.util.function.UnaryOperator<AuditEntry> how) {
        return tx.inTransaction(() -> {
            long changed = 0;
            for (Map.Entry<OrderKey, AuditEntry> e : List.copyOf(entries.entrySet())) {
                if (which.test(e.getValue())) {
                    AuditEntry after = how.apply(e.getValue());
                    if (!after.equals(e.getValue())) {
                        OrderKey key = e.getKey();
                        AuditEntry before = e.getValue();
                        entries.put(key, after);
                        tx.onRollback(() -> entries.put(key, before));
                        changed++;
                    }
                }
            }
            return changed;
        });
    }

    /** How many entries were recorded before the cutoff (what {@link #purgeBefore} would remove), read only. */
    long countBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return tx.read(() -> entries.values().stream().takeWhile(e -> e.at().isBefore(cutoff)).count());
    }

    @Override
    public Page<AuditEntry> forRecord(RecordRef record, PageRequest page) {
        Objects.requireNonNull(record, "record");
        return page(page, e -> e.record().filter(record::equals).isPresent());
    }

    @Override
    public Page<AuditEntry> byActor(Actor actor, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        return page(page, e -> e.actor().equals(actor));
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return tx.inTransaction(() -> {
            long removed = 0;
            Iterator<Map.Entry<OrderKey, AuditEntry>> it = entries.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<OrderKey, AuditEntry> e = it.next();
                if (!e.getValue().at().isBefore(cutoff)) {
                    break;
                }
                it.remove();
                ids.remove(e.getValue().id());
                removed++;
                tx.onRollback(() -> {
                    entries.put(e.getKey(), e.getValue());
                    ids.add(e.getValue().id());
                });
            }
            return removed;
        });
    }

    /** The archive of the entries, keyed by id: export and restore only. */
    MemoryArchive<AuditEntry> archive() {
        return new MemoryArchive<>(tx, "audit entry", (after, limit) -> KeyOrder.after(entries.values(),
                e -> e.id().toString(), after, limit), e -> e.id().toString(),
                k -> ids.contains(UUID.fromString(k)), this::append);
    }

    private Page<AuditEntry> page(PageRequest request, Predicate<AuditEntry> filter) {
        Objects.requireNonNull(request, "page");
        OrderKey after = request.after().map(OrderKey::parse).orElse(null);
        return tx.read(() -> {
            NavigableMap<OrderKey, AuditEntry> rest = after == null ? entries : entries.tailMap(after, false);
            List<AuditEntry> items = new ArrayList<>();
            OrderKey last = null;
            for (Map.Entry<OrderKey, AuditEntry> e : rest.entrySet()) {
                if (!filter.test(e.getValue())) {
                    continue;
                }
                if (items.size() == request.size()) {
                    return new Page<>(items, java.util.Optional.of(last.cursor()));
                }
                items.add(e.getValue());
                last = e.getKey();
            }
            return Page.last(items);
        });
    }
}
