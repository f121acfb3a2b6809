package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.cap.CapCheck;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.MessageState;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ledger of due campaign messages in memory, for one JVM (its nodes are threads). Every operation holds the
 * ledger's lock, so a message is claimed by one caller at a time. Needs crm-campaigns on the class path (an optional
 * dependency of this module). Thread-safe.
 */
public final class InMemoryCampaignMessages implements CampaignMessages {

    private final TreeMap<String, MessageState> messages = new TreeMap<>();
    /** Per contact: the cap day of each of its admitted marketing messages, by key. */
    private final Map<String, Map<String, LocalDate>> capDays = new HashMap<>();

    @Override
    public synchronized boolean schedule(DueMessage message) {
        Objects.requireNonNull(message, "message");
        if (messages.containsKey(message.key())) {
            return false;
        }
        messages.put(message.key(), new MessageState(message, Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty()));
        return true;
    }

    @Override
    public synchronized List<DueMessage> claim(String node, LocalDate day, Instant now, Duration lease, int max) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        List<MessageState> candidates = new ArrayList<>();
        for (MessageState s : messages.values()) {
            if (!s.done() && s.message().sendableOn(day) && s.leaseUntil().map(now::isAfter).orElse(true)) {
                candidates.add(s);
            }
        }
        candidates.sort(Comparator.comparing((MessageState s) -> s.message().sendOn())
                .thenComparing(s -> s.message().key()));
        List<DueMessage> out = new ArrayList<>();
        for (MessageState s : candidates.subList(0, Math.min(Math.max(max, 0), candidates.size()))) {
            messages.put(s.message().key(), new MessageState(s.message(), Optional.of(node),
                    Optional.of(now.plus(lease)), s.claims() + 1, Optional.empty(), Optional.empty()));
            out.add(s.message());
        }
        return out;
    }

    @Override
    public synchronized boolean markDone(String key, String node, String outcome, Instant at) {
        MessageState s = messages.get(Objects.requireNonNull(key, "key"));
        if (s == null || s.done() || !s.claimedBy().equals(Optional.of(node))) {
            return false;
        }
        messages.put(key, new MessageState(s.message(), s.claimedBy(), s.leaseUntil(), s.claims(),
                Optional.of(at), Optional.of(outcome)));
        return true;
    }

    @Override
    public synchronized boolean release(String key, String node) {
        MessageState s = messages.get(Objects.requireNonNull(key, "key"));
        if (s == null || s.done() || !s.claimedBy().equals(Optional.of(node))) {
            return false;
        }
        messages.put(key, new MessageState(s.message(), s.claimedBy(), Optional.empty(), s.claims(),
                Optional.empty(), Optional.empty()));
        return true;
    }

    @Override
    public synchronized CapCheck admit(DueMessage message, LocalDate day, FrequencyCaps caps) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(caps, "caps");
        if (message.kind() == MessageKind.TRANSACTIONAL) {
            return caps.check(List.of(), day, message.kind());
        }
        if (!messages.containsKey(message.key())) {
            throw new IllegalArgumentException("message " + message.key() + " is not in the ledger");
        }
        Map<String, LocalDate> days = capDays.computeIfAbsent(message.contactId(), id -> new HashMap<>());
        List<LocalDate> others = new ArrayList<>();
        days.forEach((key, capDay) -> {
            if (!key.equals(message.key())) {
                others.add(capDay);
            }
        });
        CapCheck check = caps.check(others, day, message.kind());
        if (check.admitted()) {
            days.put(message.key(), day);
        }
        return check;
    }

    @Override
    public synchronized Optional<MessageState> find(String key) {
        return Optional.ofNullable(messages.get(Objects.requireNonNull(key, "key")));
    }

    /**
     * The archive of the cap days, keyed by the messages' keys, in the units of work of a store: export and restore
     * only. A cap day is restored onto a message of the ledger (refused when the ledger has no such message); a
     * restore is undone if its unit of work rolls back.
     */
    MemoryArchive<dev.crmkit.kit.archive.CapDayEntry> capDayArchive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "cap day", this::capDayPage, dev.crmkit.kit.archive.CapDayEntry::key,
                this::hasCapDay, e -> {
                    String contact;
                    synchronized (this) {
                        MessageState s = messages.get(e.key());
                        if (s == null) {
                            throw new IllegalArgumentException("cap day of message " + e.key()
                                    + ": the message is not in the ledger");
                        }
                        contact = s.message().contactId();
                        capDays.computeIfAbsent(contact, id -> new HashMap<>()).put(e.key(), e.day());
                    }
                    tx.onRollback(() -> {
                        synchronized (this) {
                            capDays.getOrDefault(contact, new HashMap<>()).remove(e.key());
                        }
                    });
                });
    }

    private synchronized List<dev.crmkit.kit.archive.CapDayEntry> capDayPage(Optional<String> after, int limit) {
        List<dev.crmkit.kit.archive.CapDayEntry> all = new ArrayList<>();
        capDays.values().forEach(days -> days.forEach((key, day) -> all.add(
                new dev.crmkit.kit.archive.CapDayEntry(key, day))));
        return KeyOrder.after(all, dev.crmkit.kit.archive.CapDayEntry::key, after, limit);
    }

    private synchronized boolean hasCapDay(String key) {
        MessageState s = messages.get(key);
        return s != null && capDays.getOrDefault(s.message().contactId(), Map.of()).containsKey(key);
    }

    /**
     * The archive of the ledger, keyed by the messages' keys, in the units of work of a store: export and restore
     * only. A restore is undone if its unit of work rolls back.
     */
    MemoryArchive<MessageState> archive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "campaign message", (after, limit) -> page(after, limit),
                s -> s.message().key(), k -> find(k).isPresent(), s -> {
                    synchronized (this) {
                        messages.put(s.message().key(), s);
                    }
                    tx.onRollback(() -> {
                        synchronized (this) {
                            messages.remove(s.message().key());
                        }
                    });
                });
    }

    private synchronized List<MessageState> page(Optional<String> after, int limit) {
        return KeyOrder.after(messages.values(), s -> s.message().key(), after, limit);
    }

    /**
     * Replaces the outcome of the contacts' messages where it holds one of the person's values (an erasure), as the
     * JDBC store does. Each change is undone if the store's unit of work rolls back. Returns how many changed.
     */
    int erase(java.util.Set<String> contactIds, java.util.function.Predicate<String> hits, InMemoryTransactions tx) {
        int n = 0;
        synchronized (this) {
            for (MessageState s : List.copyOf(messages.values())) {
                if (contactIds.contains(s.message().contactId()) && s.outcome().filter(hits).isPresent()) {
                    String key = s.message().key();
                    messages.put(key, new MessageState(s.message(), s.claimedBy(), s.leaseUntil(), s.claims(),
                            s.doneAt(), Optional.of(dev.crmkit.core.privacy.Anonymized.ERASED)));
                    tx.onRollback(() -> {
                        synchronized (this) {
                            messages.put(key, s);
                        }
                    });
                    n++;
                }
            }
        }
        return n;
    }
}
