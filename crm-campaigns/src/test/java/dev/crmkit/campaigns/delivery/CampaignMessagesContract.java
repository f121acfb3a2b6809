package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.cap.CapCheck;
import dev.crmkit.campaigns.cap.CapWindow;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The contract every {@link CampaignMessages} store passes (in-memory, and JDBC on H2, PostgreSQL and MariaDB).
 * Subclasses give a fresh, empty store per test.
 */
public abstract class CampaignMessagesContract {

    /** The day the tests send on. */
    protected static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    /** The moment the tests run at. */
    protected static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");
    /** The lease of a claim. */
    protected static final Duration LEASE = Duration.ofMinutes(5);

    /** A fresh, empty store. */
    protected abstract CampaignMessages store();

    /**
     * Another node over the same stored ledger as {@code first} (a store of its own on the same database); in memory,
     * where nodes are threads of one JVM, the same store.
     */
    protected CampaignMessages secondNode(CampaignMessages first) {
        return first;
    }

    /** A marketing message due on {@code sendOn}, valid until {@code validUntil}. */
    protected static DueMessage message(String contact, LocalDate sendOn, LocalDate validUntil) {
        return new DueMessage(contact, "birthday", 1, "2026", sendOn, validUntil, MessageKind.MARKETING);
    }

    @Test
    void schedule_sameKeyTwice_recordsOnce() {
        CampaignMessages store = store();
        DueMessage m = message("c1", DAY, DAY.plusDays(7));

        assertTrue(store.schedule(m));
        assertFalse(store.schedule(m));
        assertEquals(m, store.find(m.key()).orElseThrow().message());
        assertEquals(0, store.find(m.key()).orElseThrow().claims());
        assertTrue(store.find("nobody/birthday/2026/1").isEmpty());
    }

    @Test
    void claim_onlyMessagesSendableThatDay_earliestFirst() {
        CampaignMessages store = store();
        DueMessage missedButValid = message("c1", DAY.minusDays(2), DAY);
        DueMessage today = message("c2", DAY, DAY.plusDays(7));
        DueMessage tomorrow = message("c3", DAY.plusDays(1), DAY.plusDays(8));
        DueMessage expired = message("c4", DAY.minusDays(9), DAY.minusDays(1));
        List.of(today, tomorrow, expired, missedButValid).forEach(store::schedule);

        List<DueMessage> claimed = store.claim("a", DAY, NOW, LEASE, 10);

        assertEquals(List.of(missedButValid, today), claimed);
        assertEquals(List.of(), store.claim("a", DAY, NOW, LEASE, 10), "the claimed ones are leased");
        assertEquals(List.of(tomorrow), store.claim("b", DAY.plusDays(1), NOW, LEASE, 10));
    }

    @Test
    void claim_max_limitsTheBatch() {
        CampaignMessages store = store();
        for (int i = 0; i < 5; i++) {
            store.schedule(message("c" + i, DAY, DAY));
        }

        assertEquals(3, store.claim("a", DAY, NOW, LEASE, 3).size());
        assertEquals(2, store.claim("b", DAY, NOW, LEASE, 3).size());
        assertEquals(0, store.claim("c", DAY, NOW, LEASE, 3).size());
    }

    @Test
    void claim_liveLease_isTakenOverOnlyOnceItRanOut() {
        CampaignMessages store = store();
        DueMessage m = message("c1", DAY, DAY);
        store.schedule(m);

        assertEquals(List.of(m), store.claim("a", DAY, NOW, LEASE, 10));
        assertEquals(List.of(), store.claim("b", DAY, NOW.plus(LEASE).minusSeconds(1), LEASE, 10));
        assertEquals(List.of(m), store.claim("b", DAY, NOW.plus(LEASE).plusSeconds(1), LEASE, 10));

        MessageState state = store.find(m.key()).orElseThrow();
        assertEquals("b", state.claimedBy().orElseThrow());
        assertEquals(2, state.claims());
        assertFalse(store.markDone(m.key(), "a", "sent late", NOW), "a lost its claim");
        assertTrue(store.markDone(m.key(), "b", "sent <id@x>", NOW.plusSeconds(400)));
        assertFalse(store.markDone(m.key(), "b", "sent again", NOW.plusSeconds(401)));
        MessageState done = store.find(m.key()).orElseThrow();
        assertEquals("sent <id@x>", done.outcome().orElseThrow());
        assertEquals(NOW.plusSeconds(400), done.doneAt().orElseThrow());
        assertEquals(List.of(), store.claim("c", DAY, NOW.plus(Duration.ofDays(1)), LEASE, 10), "done is final");
    }

    @Test
    void release_freesTheClaimOfItsHolderOnly_andNotADoneMessage() {
        CampaignMessages store = store();
        DueMessage m = message("c1", DAY, DAY);
        DueMessage done = message("c2", DAY, DAY);
        store.schedule(m);
        store.schedule(done);
        store.claim("a", DAY, NOW, LEASE, 10);
        store.markDone(done.key(), "a", "sent <x>", NOW);

        assertFalse(store.release(m.key(), "b"), "b does not hold it");
        assertEquals(List.of(), store.claim("b", DAY, NOW, LEASE, 10));
        assertTrue(store.release(m.key(), "a"));
        assertFalse(store.release(done.key(), "a"), "done is final");
        assertEquals(List.of(m), store.claim("b", DAY, NOW, LEASE, 10), "claimable before the lease ran out");
        assertEquals(2, store.find(m.key()).orElseThrow().claims());
    }

    @Test
    void claim_concurrentNodes_neverShareAMessage() throws Exception {
        CampaignMessages store = store();
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            DueMessage m = message("c" + i, DAY, DAY);
            store.schedule(m);
            all.add(m.key());
        }
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<String>>> claimed = new ArrayList<>();
            for (String node : List.of("a", "b", "c")) {
                claimed.add(nodes.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    List<DueMessage> batch;
                    while (!(batch = store.claim(node, DAY, NOW, LEASE, 7)).isEmpty()) {
                        batch.forEach(m -> mine.add(m.key()));
                    }
                    return mine;
                }));
            }
            Set<String> union = new HashSet<>();
            int total = 0;
            for (Future<List<String>> f : claimed) {
                List<String> mine = f.get();
                total += mine.size();
                union.addAll(mine);
            }
            assertEquals(all, union);
            assertEquals(120, total, "no message claimed by two nodes");
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void admit_countsTheContactsAdmittedMessages_perDayWeekAndMonth() {
        CampaignMessages store = store();
        FrequencyCaps caps = new FrequencyCaps(1, 2, 3);
        List<DueMessage> ms = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            DueMessage m = new DueMessage("c1", "nurture", i, "2026", DAY, DAY.plusDays(60), MessageKind.MARKETING);
            store.schedule(m);
            ms.add(m);
        }
        DueMessage other = message("c2", DAY, DAY);
        DueMessage receipt = new DueMessage("c1", "order", 1, "o-1", DAY, DAY, MessageKind.TRANSACTIONAL);
        store.schedule(other);
        store.schedule(receipt);

        assertTrue(store.admit(ms.get(0), DAY, caps).admitted()); // Tuesday
        assertEquals(new CapCheck.CapReached(CapWindow.DAY, 1), store.admit(ms.get(1), DAY, caps));
        assertTrue(store.admit(ms.get(0), DAY, caps).admitted(), "a message does not count against itself");
        assertTrue(store.admit(other, DAY, caps).admitted(), "another contact has its own caps");
        assertTrue(store.admit(receipt, DAY, caps).admitted(), "transactional is exempt");
        assertTrue(store.admit(ms.get(1), DAY.plusDays(1), caps).admitted());
        assertEquals(new CapCheck.CapReached(CapWindow.WEEK, 2), store.admit(ms.get(2), DAY.plusDays(2), caps));
        assertTrue(store.admit(ms.get(2), DAY.plusDays(6), caps).admitted(), "Monday: a new week");
        assertEquals(new CapCheck.CapReached(CapWindow.MONTH, 3), store.admit(ms.get(3), DAY.plusDays(8), caps));
        assertTrue(store.admit(ms.get(3), DAY.plusDays(29), caps).admitted(), "April: a new month");
    }

    @Test
    void admit_secondNode_seesTheFirstNodesAdmissions() {
        CampaignMessages a = store();
        CampaignMessages b = secondNode(a);
        DueMessage first = message("c1", DAY, DAY);
        DueMessage second = new DueMessage("c1", "win-back", 1, "2025-06-01", DAY, DAY, MessageKind.MARKETING);
        a.schedule(first);
        a.schedule(second);

        assertTrue(a.admit(first, DAY, FrequencyCaps.standard()).admitted());

        assertEquals(new CapCheck.CapReached(CapWindow.DAY, 1), b.admit(second, DAY, FrequencyCaps.standard()));
    }

    @Test
    void admit_messageNotInTheLedger_isRefused() {
        CampaignMessages store = store();

        assertThrows(IllegalArgumentException.class,
                () -> store.admit(message("c1", DAY, DAY), DAY, FrequencyCaps.standard()));
    }

    @Test
    void admit_concurrentSendersOnTwoNodes_neverExceedACap_andRefuseOnlyWhenAWindowIsFull() {
        // four senders, two on each node, admit seeded random messages of three contacts over 75 days
        qt().withFixedSeed(1604).withExamples(4)
                .forAll(longs().all(), integers().between(1, 3), integers().between(1, 6), integers().between(1, 12))
                .checkAssert((seed, perDay, perWeek, perMonth) -> {
                    FrequencyCaps caps = new FrequencyCaps(perDay, perWeek, perMonth);
                    CampaignMessages a = store();
                    CampaignMessages b = secondNode(a);
                    Map<String, List<LocalDate>> admitted = new ConcurrentHashMap<>();
                    List<DueMessage> refused = java.util.Collections.synchronizedList(new ArrayList<>());
                    List<java.util.concurrent.Callable<Void>> senders = new ArrayList<>();
                    CountDownLatch start = new CountDownLatch(1);
                    for (int t = 0; t < 4; t++) {
                        CampaignMessages node = t % 2 == 0 ? a : b;
                        java.util.Random random = new java.util.Random(seed + t);
                        int sender = t;
                        senders.add(() -> {
                            start.await();
                            for (int i = 0; i < 40; i++) {
                                LocalDate day = DAY.plusDays(random.nextInt(75));
                                DueMessage m = new DueMessage("c" + random.nextInt(3), "nurture", 1,
                                        sender + "-" + i, day, day, random.nextInt(5) == 0
                                        ? MessageKind.TRANSACTIONAL : MessageKind.MARKETING);
                                node.schedule(m);
                                if (!node.admit(m, day, caps).admitted()) {
                                    refused.add(m);
                                } else if (m.kind() == MessageKind.MARKETING) {
                                    admitted.computeIfAbsent(m.contactId(),
                                            c -> java.util.Collections.synchronizedList(new ArrayList<>())).add(day);
                                }
                            }
                            return null;
                        });
                    }
                    ExecutorService threads = Executors.newFixedThreadPool(4);
                    try {
                        List<Future<Void>> done = new ArrayList<>();
                        for (java.util.concurrent.Callable<Void> s : senders) {
                            done.add(threads.submit(s));
                        }
                        start.countDown();
                        for (Future<Void> f : done) {
                            f.get();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        threads.shutdownNow();
                    }
                    admitted.values().forEach(days -> assertWithinCaps(days, caps));
                    for (DueMessage m : refused) {
                        assertEquals(MessageKind.MARKETING, m.kind(), "only marketing is ever refused");
                        List<LocalDate> days = admitted.getOrDefault(m.contactId(), List.of());
                        assertFalse(caps.check(days, m.sendOn(), m.kind()).admitted(),
                                "refused without a full window: " + m);
                    }
                });
    }

    private static void assertWithinCaps(List<LocalDate> days, FrequencyCaps caps) {
        Map<LocalDate, Integer> perDay = new java.util.HashMap<>();
        Map<LocalDate, Integer> perWeek = new java.util.HashMap<>();
        Map<java.time.YearMonth, Integer> perMonth = new java.util.HashMap<>();
        for (LocalDate d : days) {
            perDay.merge(d, 1, Integer::sum);
            perWeek.merge(d.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)), 1,
                    Integer::sum);
            perMonth.merge(java.time.YearMonth.from(d), 1, Integer::sum);
        }
        perDay.values().forEach(n -> assertTrue(n <= caps.perDay(), "day " + n + " > " + caps));
        perWeek.values().forEach(n -> assertTrue(n <= caps.perWeek(), "week " + n + " > " + caps));
        perMonth.values().forEach(n -> assertTrue(n <= caps.perMonth(), "month " + n + " > " + caps));
    }
}
