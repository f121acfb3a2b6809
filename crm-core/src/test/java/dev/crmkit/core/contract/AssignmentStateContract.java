package dev.crmkit.core.contract;

import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.lead.LeadId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link AssignmentState}: tickets are distinct and dense per rotation, quota use never exceeds the
 * quota, and a lead at a version is claimed once, whatever the concurrency. Extend it with a class that returns a
 * fresh, empty state.
 */
public abstract class AssignmentStateContract {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final int THREADS = 8;

    private final Fixtures fixtures = new Fixtures();
    private AssignmentState state;

    /** A fresh, empty state; called before every test. */
    protected abstract AssignmentState newState();

    @BeforeEach
    void setUp() {
        state = newState();
    }

    @Test
    void advance_firstCall_isZeroThenCounts() {
        assertEquals(0, state.advance("round-robin:sales"));
        assertEquals(1, state.advance("round-robin:sales"));
        assertEquals(2, state.advance("round-robin:sales"));
    }

    @Test
    void advance_rotations_areIndependent() {
        state.advance("a");
        state.advance("a");
        assertEquals(0, state.advance("b"));
        assertEquals(2, state.advance("a"));
    }

    @Test
    void advance_concurrentCalls_getDistinctDenseTickets() throws Exception {
        List<Long> tickets = concurrently(500, () -> state.advance("shared"));
        assertEquals(THREADS * 500, new HashSet<>(tickets).size());
        assertEquals(0L, tickets.stream().mapToLong(Long::longValue).min().orElseThrow());
        assertEquals(THREADS * 500 - 1L, tickets.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void tryConsume_upToQuota_thenRefuses() {
        assertTrue(state.tryConsume("alice", DAY, 2));
        assertTrue(state.tryConsume("alice", DAY, 2));
        assertFalse(state.tryConsume("alice", DAY, 2));
        assertEquals(2, state.used("alice", DAY));
    }

    @Test
    void tryConsume_quotaZero_refusesAndUsesNothing() {
        assertFalse(state.tryConsume("alice", DAY, 0));
        assertEquals(0, state.used("alice", DAY));
    }

    @Test
    void tryConsume_membersAndDays_areIndependent() {
        assertTrue(state.tryConsume("alice", DAY, 1));
        assertTrue(state.tryConsume("bob", DAY, 1));
        assertTrue(state.tryConsume("alice", DAY.plusDays(1), 1));
        assertEquals(1, state.used("alice", DAY));
        assertEquals(1, state.used("alice", DAY.plusDays(1)));
        assertEquals(0, state.used("carol", DAY));
    }

    @Test
    void tryConsume_concurrent_neverExceedsQuota() throws Exception {
        List<Boolean> taken = concurrently(100, () -> state.tryConsume("alice", DAY, 137));
        assertEquals(137, taken.stream().filter(t -> t).count());
        assertEquals(137, state.used("alice", DAY));
    }

    @Test
    void release_givesBackOneUnit_neverBelowZero() {
        state.tryConsume("alice", DAY, 1);
        state.release("alice", DAY);
        assertEquals(0, state.used("alice", DAY));
        state.release("alice", DAY);
        assertEquals(0, state.used("alice", DAY));
        assertTrue(state.tryConsume("alice", DAY, 1));
    }

    @Test
    void claim_sameLeadAndVersion_winsOnce() {
        LeadId lead = new LeadId(fixtures.nextId());
        assertTrue(state.claim(lead, 3));
        assertFalse(state.claim(lead, 3));
        assertTrue(state.claim(lead, 4));
        assertTrue(state.claim(new LeadId(fixtures.nextId()), 3));
    }

    @Test
    void releaseClaim_letsTheLeadBeClaimedAgain() {
        LeadId lead = new LeadId(fixtures.nextId());
        state.claim(lead, 1);
        state.releaseClaim(lead, 1);
        assertTrue(state.claim(lead, 1));
        state.releaseClaim(new LeadId(fixtures.nextId()), 7);
    }

    @Test
    void claim_concurrent_exactlyOneWins() throws Exception {
        Set<LeadId> leads = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            leads.add(new LeadId(fixtures.nextId()));
        }
        List<Long> wonPerThread = concurrently(1, () -> leads.stream()
                .filter(lead -> state.claim(lead, 1)).count());
        assertEquals(leads.size(), wonPerThread.stream().mapToLong(Long::longValue).sum(),
                "each lead was won by exactly one thread");
        for (LeadId lead : leads) {
            assertFalse(state.claim(lead, 1));
        }
    }

    private <T> List<T> concurrently(int perThread, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<T> results = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        results.add(call.call());
                    }
                    return results;
                }));
            }
            start.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : futures) {
                all.addAll(f.get(30, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
