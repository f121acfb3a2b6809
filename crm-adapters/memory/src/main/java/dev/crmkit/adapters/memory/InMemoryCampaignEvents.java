package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.HostEvent;
import dev.crmkit.kit.archive.CampaignEventEntry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's events in memory, by idempotency key. Needs crm-campaigns on the class path (optional here).
 * Thread-safe.
 */
public final class InMemoryCampaignEvents implements CampaignEvents {

    /** Earliest first, then by key, as the JDBC store orders them. */
    private static final Comparator<Map.Entry<String, HostEvent>> ORDER = Comparator
            .comparing((Map.Entry<String, HostEvent> e) -> e.getValue().at()).thenComparing(Map.Entry::getKey);

    private final Map<String, HostEvent> byKey = new LinkedHashMap<>();

    @Override
    public synchronized boolean record(String idempotencyKey, HostEvent event) {
        CampaignEvents.check(idempotencyKey, event);
        if (byKey.containsKey(idempotencyKey)) {
            return false;
        }
        byKey.put(idempotencyKey, new HostEvent(event.contactId(), event.type(),
                event.at().truncatedTo(ChronoUnit.MICROS), event.reference()));
        return true;
    }

    @Override
    public synchronized List<HostEvent> between(Instant from, Instant until) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        return byKey.entrySet().stream().filter(e -> !e.getValue().at().isBefore(from)
                && e.getValue().at().isBefore(until)).sorted(ORDER).map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized List<HostEvent> of(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return byKey.entrySet().stream().filter(e -> e.getValue().contactId().equals(contactId)).sorted(ORDER)
                .map(Map.Entry::getValue).toList();
    }

    /**
     * The archive of the events, keyed by the idempotency key, in the units of work of a store: export and restore
     * only. A restore is undone if its unit of work rolls back.
     */
    MemoryArchive<CampaignEventEntry> archive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "campaign event", this::page, CampaignEventEntry::key, this::contains, e -> {
            put(e);
            tx.onRollback(() -> remove(e.key()));
        });
    }

    private synchronized List<CampaignEventEntry> page(Optional<String> after, int limit) {
        return KeyOrder.after(byKey.entrySet().stream().map(e -> new CampaignEventEntry(e.getKey(), e.getValue()))
                .toList(), CampaignEventEntry::key, after, limit);
    }

    private synchronized boolean contains(String key) {
        return byKey.containsKey(key);
    }

    private synchronized void put(CampaignEventEntry entry) {
        byKey.put(entry.key(), entry.event());
    }

    private synchronized void remove(String key) {
        byKey.remove(key);
    }

    /**
     * Deletes the events of these contacts, as the JDBC erasure deletes their {@code campaign_event} rows (their
     * keys and references may name the person); put back if the transaction rolls back.
     *
     * @return how many events were deleted
     */
    int erase(java.util.Set<String> contactIds, InMemoryTransactions tx) {
        Map<String, HostEvent> gone = new LinkedHashMap<>();
        synchronized (this) {
            byKey.entrySet().removeIf(e -> {
                boolean theirs = contactIds.contains(e.getValue().contactId());
                if (theirs) {
                    gone.put(e.getKey(), e.getValue());
                }
                return theirs;
            });
        }
        if (!gone.isEmpty()) {
            tx.onRollback(() -> {
                synchronized (this) {
                    gone.forEach(byKey::putIfAbsent);
                }
            });
        }
        return gone.size();
    }
}
