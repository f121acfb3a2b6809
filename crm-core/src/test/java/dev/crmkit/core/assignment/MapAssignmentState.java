package dev.crmkit.core.assignment;

import dev.crmkit.core.lead.LeadId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe in-memory {@link AssignmentState} for crm-core's tests: each method is one atomic step on a
 * concurrent map, as each is one statement in SQL.
 */
public final class MapAssignmentState implements AssignmentState {

    private final ConcurrentHashMap<String, AtomicLong> rotations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> used = new ConcurrentHashMap<>();
    private final Set<String> claims = ConcurrentHashMap.newKeySet();

    @Override
    public long advance(String rotation) {
        Objects.requireNonNull(rotation, "rotation");
        if (rotation.isBlank()) {
            throw new IllegalArgumentException("a rotation needs a name");
        }
        return rotations.computeIfAbsent(rotation, k -> new AtomicLong()).getAndIncrement();
    }

    @Override
    public boolean tryConsume(String member, LocalDate day, int quota) {
        if (quota < 0) {
            throw new IllegalArgumentException("quota must not be negative: " + quota);
        }
        boolean[] taken = new boolean[1];
        used.compute(key(member, day), (k, n) -> {
            int current = n == null ? 0 : n;
            taken[0] = current < quota;
            return taken[0] ? current + 1 : current;
        });
        return taken[0];
    }

    @Override
    public int used(String member, LocalDate day) {
        return used.getOrDefault(key(member, day), 0);
    }

    @Override
    public void release(String member, LocalDate day) {
        used.computeIfPresent(key(member, day), (k, n) -> Math.max(0, n - 1));
    }

    @Override
    public boolean claim(LeadId lead, long version) {
        return claims.add(Objects.requireNonNull(lead, "lead") + "@" + version);
    }

    @Override
    public void releaseClaim(LeadId lead, long version) {
        claims.remove(Objects.requireNonNull(lead, "lead") + "@" + version);
    }

    private static String key(String member, LocalDate day) {
        return Objects.requireNonNull(member, "member") + "/" + Objects.requireNonNull(day, "day");
    }
}
