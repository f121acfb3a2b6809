package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.HostEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
}
