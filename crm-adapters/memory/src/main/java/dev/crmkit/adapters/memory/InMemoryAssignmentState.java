package dev.crmkit.adapters.memory;

import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.kit.archive.LeadClaim;
import dev.crmkit.kit.archive.QuotaUse;
import dev.crmkit.kit.archive.RotationCursor;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What assignment policies remember, in memory: rotation cursors, daily quota use and lead claims. Each method is a
 * write of the store's units of work (it joins the running one, or runs in one of its own), so it is atomic, and a
 * unit that rolls back gives back the tickets, quota units and claims it took. Thread-safe.
 */
final class InMemoryAssignmentState implements AssignmentState {

    private final InMemoryTransactions tx;
    private final Map<String, Long> rotations = new HashMap<>();
    private final Map<QuotaDay, Integer> used = new HashMap<>();
    private final Set<Claim> claims = new HashSet<>();

    InMemoryAssignmentState(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public long advance(String rotation) {
        Objects.requireNonNull(rotation, "rotation");
        if (rotation.isBlank()) {
            throw new IllegalArgumentException("a rotation needs a name");
        }
        return tx.inTransaction(() -> {
            Long before = rotations.get(rotation);
            long ticket = before == null ? 0 : before;
            rotations.put(rotation, ticket + 1);
            tx.onRollback(() -> restore(rotations, rotation, before));
            return ticket;
        });
    }

    @Override
    public boolean tryConsume(String member, LocalDate day, int quota) {
        QuotaDay key = new QuotaDay(member, day);
        if (quota < 0) {
            throw new IllegalArgumentException("quota must not be negative: " + quota);
        }
        return tx.inTransaction(() -> {
            Integer before = used.get(key);
            int current = before == null ? 0 : before;
            if (current >= quota) {
                return false;
            }
            used.put(key, current + 1);
            tx.onRollback(() -> restore(used, key, before));
            return true;
        });
    }

    @Override
    public int used(String member, LocalDate day) {
        QuotaDay key = new QuotaDay(member, day);
        return tx.read(() -> used.getOrDefault(key, 0));
    }

    @Override
    public void release(String member, LocalDate day) {
        QuotaDay key = new QuotaDay(member, day);
        tx.run(() -> {
            Integer before = used.get(key);
            if (before != null && before > 0) {
                used.put(key, before - 1);
                tx.onRollback(() -> used.put(key, before));
            }
        });
    }

    @Override
    public boolean claim(LeadId lead, long version) {
        Claim claim = new Claim(lead, version);
        return tx.inTransaction(() -> {
            if (!claims.add(claim)) {
                return false;
            }
            tx.onRollback(() -> claims.remove(claim));
            return true;
        });
    }

    @Override
    public void releaseClaim(LeadId lead, long version) {
        Claim claim = new Claim(lead, version);
        tx.run(() -> {
            if (claims.remove(claim)) {
                tx.onRollback(() -> claims.add(claim));
            }
        });
    }

    /** The archive of the rotation cursors, keyed by name: export and restore only. */
    MemoryArchive<RotationCursor> rotationArchive() {
        return new MemoryArchive<>(tx, "rotation", (after, limit) -> KeyOrder.after(rotations.entrySet().stream()
                .map(e -> new RotationCursor(e.getKey(), e.getValue())).toList(), RotationCursor::rotation, after,
                limit), RotationCursor::rotation, rotations::containsKey, r -> {
                    rotations.put(r.rotation(), r.nextTicket());
                    tx.onRollback(() -> rotations.remove(r.rotation()));
                });
    }

    /** The archive of the quota use, keyed by {@link QuotaUse#key()}: export and restore only. */
    MemoryArchive<QuotaUse> quotaArchive() {
        return new MemoryArchive<>(tx, "quota use", (after, limit) -> KeyOrder.after(used.entrySet().stream()
                .map(e -> new QuotaUse(e.getKey().member(), e.getKey().day(), e.getValue())).toList(),
                QuotaUse::key, after, limit), QuotaUse::key,
                k -> used.containsKey(new QuotaDay(k.substring(0, k.lastIndexOf('\u0001')),
                        LocalDate.parse(k.substring(k.lastIndexOf('\u0001') + 1)))),
                q -> {
                    QuotaDay at = new QuotaDay(q.member(), q.day());
                    used.put(at, q.used());
                    tx.onRollback(() -> used.remove(at));
                });
    }

    /** The archive of the claims, keyed by {@link LeadClaim#key()}: export and restore only. */
    MemoryArchive<LeadClaim> claimArchive() {
        return new MemoryArchive<>(tx, "lead claim", (after, limit) -> KeyOrder.after(claims.stream()
                .map(c -> new LeadClaim(c.lead(), c.version())).toList(), LeadClaim::key, after, limit),
                LeadClaim::key, k -> claims.contains(new Claim(new LeadId(UUID.fromString(k.substring(0,
                        k.indexOf('/')))), Long.parseLong(k.substring(k.indexOf('/') + 1)))), c -> {
                    Claim at = new Claim(c.lead(), c.version());
                    claims.add(at);
                    tx.onRollback(() -> claims.remove(at));
                });
    }

    private static <K, V> void restore(Map<K, V> map, K key, V before) {
        if (before == null) {
            map.remove(key);
        } else {
            map.put(key, before);
        }
    }

    private record QuotaDay(String member, LocalDate day) {
        QuotaDay {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(day, "day");
        }
    }

    private record Claim(LeadId lead, long version) {
        Claim {
            Objects.requireNonNull(lead, "lead");
        }
    }
}
