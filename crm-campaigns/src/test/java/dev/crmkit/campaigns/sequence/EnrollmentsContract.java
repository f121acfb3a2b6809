package dev.crmkit.campaigns.sequence;

import dev.crmkit.campaigns.message.MessageKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link Enrollments} store passes (in-memory, and JDBC on H2, PostgreSQL and MariaDB).
 * Subclasses give a fresh, empty store per test.
 */
public abstract class EnrollmentsContract {

    /** When the tests start; with nanoseconds, which the stores keep to the microsecond. */
    protected static final Instant T0 = Instant.parse("2026-03-03T08:00:00.123456789Z");

    private static final Sequence NURTURE = new Sequence("nurture", List.of(
            new SequenceStep.Send("nurture-1", MessageKind.MARKETING), new SequenceStep.Wait(3),
            new SequenceStep.Send("nurture-2", MessageKind.MARKETING)), Set.of(), false);

    /** A fresh, empty store. */
    protected abstract Enrollments store();

    /** Another node over the same stored enrollments as {@code first}; in memory, the same store. */
    protected Enrollments secondNode(Enrollments first) {
        return first;
    }

    private static Enrollment enrolled(Enrolling outcome) {
        return assertInstanceOf(Enrolling.Enrolled.class, outcome).enrollment();
    }

    private static Enrollment completed(Enrollments store, Enrollment e) {
        Enrollment done = NURTURE.advance(e, e.enrolledAt().plus(Duration.ofDays(4)), List.of()).enrollment();
        assertEquals(EnrollmentStatus.COMPLETED, done.status());
        assertTrue(store.update(e, done));
        return done;
    }

    @Test
    void enroll_storesTheEnrollment_toTheMicrosecond() {
        Enrollments store = store();

        Enrollment e = enrolled(store.enroll(NURTURE, "c1", T0));

        Instant micros = Instant.parse("2026-03-03T08:00:00.123456Z");
        assertEquals(new Enrollment("c1", "nurture", micros, 0, micros, EnrollmentStatus.ACTIVE, ""), e);
        assertEquals(List.of(e), store.of("c1", "nurture"));
        assertEquals(List.of(), store.of("c1", "other"));
        assertEquals(List.of(), store.of("c2", "nurture"));
    }

    @Test
    void enroll_never_refusesWhileActiveAndAfterItEnded() {
        Enrollments store = store();
        Enrollment first = enrolled(store.enroll(NURTURE, "c1", T0));

        Enrolling whileActive = store.enroll(NURTURE, "c1", T0.plusSeconds(60));
        Enrollment done = completed(store, first);
        Enrolling afterEnd = store.enroll(NURTURE, "c1", T0.plus(Duration.ofDays(400)));

        assertTrue(assertInstanceOf(Enrolling.Refused.class, whileActive).reason().startsWith("already enrolled"));
        assertTrue(assertInstanceOf(Enrolling.Refused.class, afterEnd).reason().contains("once"));
        assertEquals(List.of(done), store.of("c1", "nurture"));
    }

    @Test
    void enroll_after_repeatsOnlyOnceTheTimeHasPassed() {
        Sequence yearly = NURTURE.withReEntry(ReEntry.after(Duration.ofDays(365)));
        Enrollments store = store();
        Enrollment first = enrolled(store.enroll(yearly, "c1", T0));
        Enrollment done = completed(store, first);

        Enrolling tooEarly = store.enroll(yearly, "c1", T0.plus(Duration.ofDays(364)));
        Enrollment second = enrolled(store.enroll(yearly, "c1", T0.plus(Duration.ofDays(365))));

        assertInstanceOf(Enrolling.Refused.class, tooEarly);
        assertEquals(List.of(done, second), store.of("c1", "nurture"), "earliest first");
    }

    @Test
    void enroll_always_repeatsOnceTheLastEnded() {
        Sequence always = NURTURE.withReEntry(ReEntry.always());
        Enrollments store = store();
        Enrollment first = enrolled(store.enroll(always, "c1", T0));

        assertInstanceOf(Enrolling.Refused.class, store.enroll(always, "c1", T0.plusSeconds(1)));
        completed(store, first);
        enrolled(store.enroll(always, "c1", T0.plusSeconds(2)));
        assertEquals(2, store.of("c1", "nurture").size());
    }

    @Test
    void due_onlyActiveEnrollmentsDueByNow_earliestFirst() {
        Enrollments store = store();
        Enrollment late = enrolled(store.enroll(NURTURE, "c1", T0.plusSeconds(10)));
        Enrollment early = enrolled(store.enroll(NURTURE, "c2", T0));
        Enrollment future = enrolled(store.enroll(NURTURE, "c3", T0.plusSeconds(3600)));
        Enrollment ended = enrolled(store.enroll(NURTURE, "c4", T0));
        completed(store, ended);

        assertEquals(List.of(early, late), store.due("nurture", T0.plusSeconds(60), 10));
        assertEquals(List.of(early), store.due("nurture", T0.plusSeconds(60), 1));
        assertEquals(List.of(early, late, future), store.due("nurture", T0.plusSeconds(3600), 10));
        assertEquals(List.of(), store.due("other", T0.plusSeconds(3600), 10));
    }

    @Test
    void update_twoNodesAdvancingTheSameState_onlyOneLands() {
        Enrollments a = store();
        Enrollments b = secondNode(a);
        Enrollment e = enrolled(a.enroll(NURTURE, "c1", T0));
        Enrollment advanced = NURTURE.advance(e, T0, List.of()).enrollment();

        assertTrue(a.update(e, advanced));
        assertFalse(b.update(e, advanced), "b started from a state that is gone");
        assertEquals(List.of(advanced), b.of("c1", "nurture"));
        assertEquals(List.of(), b.due("nurture", T0.plusSeconds(60), 10), "the next step waits three days");
        assertThrows(IllegalArgumentException.class, () -> a.update(advanced,
                new Enrollment("c2", "nurture", advanced.enrolledAt(), 1, advanced.nextAt(),
                        EnrollmentStatus.ACTIVE, "")));
    }

    @Test
    void enroll_concurrentNodes_enrollEachContactOnceWhereTheRuleSaysNever() throws Exception {
        Enrollments a = store();
        Enrollments b = secondNode(a);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> enrolledCounts = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Enrollments node = t % 2 == 0 ? a : b;
                int thread = t;
                enrolledCounts.add(threads.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int c = 0; c < 8; c++) {
                        Instant at = T0.plusMillis(thread * 10L + c);
                        n += node.enroll(NURTURE, "c" + c, at) instanceof Enrolling.Enrolled ? 1 : 0;
                    }
                    return n;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : enrolledCounts) {
                total += f.get();
            }
            assertEquals(8, total, "one enrollment per contact");
            for (int c = 0; c < 8; c++) {
                assertEquals(1, a.of("c" + c, "nurture").size(), "c" + c);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void claimDue_twoNodes_eachDueEnrollmentGoesToOne_untilItsLeaseRunsOut() {
        Enrollments a = store();
        Enrollments b = secondNode(a);
        Enrollment e1 = enrolled(a.enroll(NURTURE, "c1", T0));
        Enrollment e2 = enrolled(a.enroll(NURTURE, "c2", T0.plusSeconds(1)));
        enrolled(a.enroll(NURTURE, "c3", T0.plusSeconds(3600)));
        Instant now = T0.plusSeconds(60);
        Duration lease = Duration.ofMinutes(5);

        assertEquals(List.of(e1), a.claimDue("nurture", "node-a", now, lease, 1));
        assertEquals(List.of(e2), b.claimDue("nurture", "node-b", now, lease, 10), "e1 is held by node-a");
        assertEquals(List.of(), a.claimDue("nurture", "node-a", now, lease, 10), "both held; c3 is not due");
        assertEquals(List.of(), b.claimDue("nurture", "node-b", now.plus(lease), lease, 10),
                "a lease holds up to its end");
        assertEquals(List.of(e1, e2), b.claimDue("nurture", "node-b", now.plus(lease).plusMillis(1), lease, 10),
                "after the leases ran out");
        assertEquals(List.of(), a.claimDue("other", "node-a", now.plus(Duration.ofDays(1)), lease, 10));
    }

    @Test
    void advance_onlyByTheNodeHoldingTheClaim_andOverTheStateItStartedFrom_thenFreesIt() {
        Enrollments a = store();
        Enrollments b = secondNode(a);
        Enrollment e = enrolled(a.enroll(NURTURE, "c1", T0));
        Duration lease = Duration.ofMinutes(5);
        Enrollment next = NURTURE.advance(e, T0, List.of()).enrollment();
        assertFalse(a.advance(e, next, "node-a"), "not claimed");
        assertEquals(List.of(e), a.claimDue("nurture", "node-a", T0, lease, 10));

        assertFalse(b.advance(e, next, "node-b"), "node-b does not hold it");
        assertFalse(b.release(e, "node-b"));
        assertTrue(b.advance(e, next, "node-a"));
        assertFalse(a.advance(e, next, "node-a"), "the state it started from is gone");
        assertEquals(List.of(next), a.of("c1", "nurture"));
        Instant later = next.nextAt();
        assertEquals(List.of(next), b.claimDue("nurture", "node-b", later, lease, 10), "the advance freed it");
        assertThrows(IllegalArgumentException.class, () -> b.advance(next, new Enrollment("c2", "nurture",
                next.enrolledAt(), 1, next.nextAt(), EnrollmentStatus.ACTIVE, ""), "node-b"));
    }

    @Test
    void advance_afterTheLeaseRanOut_landsUnlessAnotherNodeClaimedItSince() {
        Enrollments a = store();
        Enrollments b = secondNode(a);
        Enrollment e1 = enrolled(a.enroll(NURTURE, "c1", T0));
        Enrollment e2 = enrolled(a.enroll(NURTURE, "c2", T0));
        Duration lease = Duration.ofMinutes(5);
        assertEquals(2, a.claimDue("nurture", "node-a", T0, lease, 10).size());
        Instant late = T0.plus(lease).plusSeconds(1);
        assertEquals(List.of(e1), b.claimDue("nurture", "node-b", late, lease, 1), "c1 comes first by contact");

        assertFalse(a.advance(e1, NURTURE.advance(e1, late, List.of()).enrollment(), "node-a"),
                "node-b holds c1 now");
        assertTrue(a.advance(e2, NURTURE.advance(e2, late, List.of()).enrollment(), "node-a"),
                "nobody claimed c2 since");
    }

    @Test
    void release_freesTheClaimAtOnce_withoutChangingTheEnrollment() {
        Enrollments a = store();
        Enrollments b = secondNode(a);
        Enrollment e = enrolled(a.enroll(NURTURE, "c1", T0));
        Duration lease = Duration.ofMinutes(5);
        assertEquals(List.of(e), a.claimDue("nurture", "node-a", T0, lease, 10));

        assertTrue(a.release(e, "node-a"));
        assertFalse(a.release(e, "node-a"), "released already");
        assertFalse(a.advance(e, NURTURE.advance(e, T0, List.of()).enrollment(), "node-a"),
                "a released claim does not advance");
        assertEquals(List.of(e), b.claimDue("nurture", "node-b", T0, lease, 10));
        assertEquals(List.of(e), a.of("c1", "nurture"));
    }
}
