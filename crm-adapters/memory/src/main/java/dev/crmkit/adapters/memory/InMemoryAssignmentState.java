package dev.crmkit.adapters.memory;

import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.lead.LeadId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
