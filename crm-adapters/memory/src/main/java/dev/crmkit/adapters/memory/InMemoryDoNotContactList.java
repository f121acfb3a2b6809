package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.audience.ChannelKind;
import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.kit.archive.DoNotContactKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The do-not-contact entries in memory. Needs crm-campaigns on the class path (optional here). Thread-safe. */
public final class InMemoryDoNotContactList implements DoNotContactList {

    private static final Comparator<DoNotContact> ORDER = Comparator.comparing(DoNotContact::at)
            .thenComparing(DoNotContact::channel).thenComparing(DoNotContact::reason);

    private final Map<String, List<DoNotContact>> entries = new HashMap<>();

    @Override
    public synchronized void add(DoNotContact entry) {
        List<DoNotContact> own = entries.computeIfAbsent(entry.contactId(), id -> new ArrayList<>());
        boolean known = own.stream().anyMatch(e -> e.channel() == entry.channel() && e.reason() == entry.reason()
                && e.at().equals(entry.at()));
        if (!known) {
            own.add(entry);
            own.sort(ORDER);
        }
    }

    @Override
    public synchronized List<DoNotContact> of(String contactId) {
        return List.copyOf(entries.getOrDefault(Objects.requireNonNull(contactId, "contactId"), List.of()));
    }

    @Override
    public synchronized int lift(String contactId, ChannelKind channel, DoNotContact.Reason reason) {
        List<DoNotContact> own = entries.getOrDefault(Objects.requireNonNull(contactId, "contactId"), List.of());
        int before = own.size();
        own.removeIf(e -> e.channel() == channel && e.reason() == reason);
        return before - own.size();
    }

    /**
     * The archive of the entries, keyed by {@link DoNotContactKey}, in the units of work of a store: export and
     * restore only. A restore is undone if its unit of work rolls back.
     */
    MemoryArchive<DoNotContact> archive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "do-not-contact entry", (after, limit) -> page(after, limit),
                DoNotContactKey::of, k -> {
                    DoNotContact e = DoNotContactKey.parse(k);
                    return of(e.contactId()).stream().anyMatch(d -> DoNotContactKey.of(d).equals(k));
                }, e -> {
                    add(e);
                    tx.onRollback(() -> remove(e));
                });
    }

    private synchronized List<DoNotContact> page(Optional<String> after, int limit) {
        return KeyOrder.after(entries.values().stream().flatMap(List::stream).toList(), DoNotContactKey::of, after,
                limit);
    }

    private synchronized void remove(DoNotContact entry) {
        entries.getOrDefault(entry.contactId(), new ArrayList<>()).remove(entry);
    }

    /**
     * Blanks the source of the contacts' entries (an erasure), as the JDBC store does; channel, reason and time stay.
     * Each change is undone if the store's unit of work rolls back. Returns how many entries changed.
     */
    int erase(java.util.Set<String> contactIds, InMemoryTransactions tx) {
        int n = 0;
        synchronized (this) {
            for (String id : contactIds) {
                List<DoNotContact> own = entries.getOrDefault(id, new ArrayList<>());
                for (int i = 0; i < own.size(); i++) {
                    DoNotContact e = own.get(i);
                    if (!e.source().equals(dev.crmkit.core.privacy.Anonymized.ERASED)) {
                        DoNotContact blank = new DoNotContact(e.contactId(), e.channel(), e.reason(),
                                dev.crmkit.core.privacy.Anonymized.ERASED, e.at());
                        own.set(i, blank);
                        tx.onRollback(() -> {
                            synchronized (this) {
                                List<DoNotContact> now = entries.getOrDefault(id, new ArrayList<>());
                                int at = now.indexOf(blank);
                                if (at >= 0) {
                                    now.set(at, e);
                                }
                            }
                        });
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
