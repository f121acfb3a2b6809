package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.privacy.Anonymized;
import dev.crmkit.core.privacy.ConsentChange;
import dev.crmkit.core.privacy.ConsentHistory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The consent history in memory: entries in the order they were appended (listed by time, stable), an append undone
 * with its unit of work.
 * Thread-safe (guarded by itself; units of work run one at a time here).
 */
final class InMemoryConsentHistory implements ConsentHistory {

    private final InMemoryTransactions tx;
    private final List<ConsentChange> entries = new ArrayList<>();

    InMemoryConsentHistory(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(ConsentChange change) {
        Objects.requireNonNull(change, "change");
        tx.inTransaction(() -> {
            synchronized (entries) {
                entries.add(change);
            }
            tx.onRollback(() -> {
                synchronized (entries) {
                    entries.remove(change);
                }
            });
            return null;
        });
    }

    @Override
    public List<ConsentChange> of(Collection<ContactId> contacts) {
        Set<ContactId> ids = Set.copyOf(contacts);
        synchronized (entries) {
            return entries.stream().filter(e -> ids.contains(e.contact()))
                    .sorted(java.util.Comparator.comparing(ConsentChange::at)).toList();
        }
    }

    /** The archive of the entries, keyed by id: export and restore only (a restored entry is appended). */
    MemoryArchive<ConsentChange> archive() {
        return new MemoryArchive<>(tx, "consent change", (after, limit) -> {
            synchronized (entries) {
                return KeyOrder.after(List.copyOf(entries), e -> e.id().toString(), after, limit);
            }
        }, e -> e.id().toString(), k -> {
            synchronized (entries) {
                return entries.stream().anyMatch(e -> e.id().toString().equals(k));
            }
        }, this::append);
    }

    /**
     * Blanks the source of the contacts' entries (an erasure), in the running unit of work; channel, status, time and
     * actor stay. Returns how many entries changed.
     */
    long erase(Collection<ContactId> contacts) {
        Set<ContactId> ids = Set.copyOf(contacts);
        return tx.inTransaction(() -> {
            long n = 0;
            synchronized (entries) {
                for (int i = 0; i < entries.size(); i++) {
                    ConsentChange e = entries.get(i);
                    if (ids.contains(e.contact()) && !e.source().equals(Anonymized.ERASED)) {
                        ConsentChange blank = new ConsentChange(e.id(), e.contact(), e.channel(), e.status(),
                                Anonymized.ERASED, e.at(), e.actor());
                        entries.set(i, blank);
                        int at = i;
                        tx.onRollback(() -> {
                            synchronized (entries) {
                                entries.set(at, e);
                            }
                        });
                        n++;
                    }
                }
            }
            return n;
        });
    }
}
