package dev.crmkit.campaigns.cap;

import dev.crmkit.campaigns.message.MessageKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The marketing messages each contact got, kept in memory, and the one place that admits a message against the
 * {@link FrequencyCaps}: checking and recording happen as one step per contact, so senders on several threads never
 * exceed a cap together. Thread-safe.
 */
public final class CapLedger {

    private final FrequencyCaps caps;
    private final Map<String, List<LocalDate>> sent = new ConcurrentHashMap<>();

    /** An empty ledger under the caps. */
    public CapLedger(FrequencyCaps caps) {
        this.caps = Objects.requireNonNull(caps, "caps");
    }

    /**
     * Admits and records one message to the contact on the day (a day of the contact's calendar) when it fits the
     * caps; a transactional message is always admitted and not recorded.
     */
    public CapCheck admit(String contactId, LocalDate day, MessageKind kind) {
        Objects.requireNonNull(contactId, "contactId");
        List<LocalDate> days = sent.computeIfAbsent(contactId, id -> new ArrayList<>());
        synchronized (days) {
            CapCheck check = caps.check(days, day, kind);
            if (check.admitted() && kind == MessageKind.MARKETING) {
                days.add(day);
            }
            return check;
        }
    }

    /** The days of the marketing messages the contact got, in the order admitted. */
    public List<LocalDate> sentTo(String contactId) {
        List<LocalDate> days = sent.getOrDefault(Objects.requireNonNull(contactId, "contactId"), List.of());
        synchronized (days) {
            return List.copyOf(days);
        }
    }
}
