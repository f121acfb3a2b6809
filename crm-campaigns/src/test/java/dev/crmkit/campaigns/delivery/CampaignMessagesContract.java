package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
