package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.CampaignRun;
import dev.crmkit.campaigns.delivery.MessageState;
import dev.crmkit.campaigns.delivery.RunReport;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.campaigns.template.TemplateVariables;
import dev.crmkit.core.contact.MarketingConsent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly once across two nodes on PostgreSQL: two ledgers on two connection pools send concurrently; node A dies
 * between handing a message to the channel and marking it done; after A's lease runs out, node B sends that message
 * once more with the same idempotency key, and every other message went out exactly once.
 */
class CampaignExactlyOnceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int MESSAGES = 80;

    private static DataSource[] nodes;

    @BeforeAll
    static void twoNodes() {
        nodes = TestDatabase.POSTGRESQL.nodes(2);
    }

    @AfterAll
    static void close() {
        TestDatabase.close(nodes);
    }

    /** A provider that records every hand-over and keeps one copy per idempotency key. */
    private static final class Provider implements MessageChannel {
        final List<String> handedOver = Collections.synchronizedList(new ArrayList<>());
        final Map<String, OutgoingMessage> delivered = new ConcurrentHashMap<>();

        @Override
        public SendResult send(OutgoingMessage message) {
            handedOver.add(message.idempotencyKey());
            delivered.putIfAbsent(message.idempotencyKey(), message);
            return new SendResult.Accepted("<" + message.idempotencyKey() + ">");
        }
    }

    /** Node A's process dies right after the channel took its 5th message. */
    private static final class CrashAfter implements MessageChannel {
        private final MessageChannel channel;
        private final AtomicBoolean crashed = new AtomicBoolean();
        /** Open once A has claimed its batch and handed over its first message, so B starts while A is sending. */
        final CountDownLatch sending = new CountDownLatch(1);
        private int sent;
        volatile String lastKey;

        CrashAfter(MessageChannel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized SendResult send(OutgoingMessage message) {
            SendResult result = channel.send(message);
            lastKey = message.idempotencyKey();
            sending.countDown();
            if (++sent == 5 && crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("node A died between send and mark");
            }
            return result;
        }
    }

    private static CampaignRun run(JdbcCampaignMessages ledger, MessageChannel channel, String node, Instant at) {
        TemplateLibrary templates = new TemplateLibrary(TemplateVariables.standard());
        templates.save(new MessageTemplate("birthday", "", "Happy birthday, {{first_name}}", "Valid until "
                + "{{valid_until}}."));
        return new CampaignRun(ledger, channel, templates, new FrequencyCaps(5, 10, 20),
                Clock.fixed(at, ZoneOffset.UTC), node, LEASE);
    }

    @Test
    void crashBetweenSendAndMark_sendsThatMessageAtMostOnceMoreWithTheSameKey() throws Exception {
        JdbcCampaignMessages a = new JdbcCampaignMessages(nodes[0]);
        JdbcCampaignMessages b = new JdbcCampaignMessages(nodes[1]);
        Map<String, Recipient> recipients = new HashMap<>();
        for (int i = 0; i < MESSAGES; i++) {
            Recipient r = new Recipient("c" + i, "Name" + i, "", "c" + i + "@example.com", "", Optional.empty(),
                    ZoneOffset.UTC, MarketingConsent.granted(Instant.EPOCH, "form"), "en");
            recipients.put(r.id(), r);
            DueMessage m = new DueMessage(r.id(), "birthday", 1, "2026", DAY, DAY.plusDays(7), MessageKind.MARKETING);
            assertTrue((i % 2 == 0 ? a : b).schedule(m));
        }
        Provider provider = new Provider();
        CrashAfter crashing = new CrashAfter(provider);

        CompletableFuture<RunReport> nodeA = CompletableFuture.supplyAsync(
                () -> run(a, crashing, "node-a", NOW).run(DAY, recipients));
        // A run claims up to 100 messages at once: were B first, it would take all 80 and A would never send, so B
        // starts once A is sending (with a bound, so a broken A fails the test instead of hanging it).
        CompletableFuture<RunReport> nodeB = CompletableFuture.supplyAsync(() -> {
            try {
                assertTrue(crashing.sending.await(60, TimeUnit.SECONDS), "node A started sending");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return run(b, provider, "node-b", NOW).run(DAY, recipients);
        });
        RunReport firstB = nodeB.get();
        assertThrows(Exception.class, nodeA::get, "node A died");

        String crashedKey = crashing.lastKey;
        assertTrue(b.find(crashedKey).orElseThrow().doneAt().isEmpty(), "A died before marking it");
        RunReport whileLeased = run(b, provider, "node-b", NOW.plusSeconds(60)).run(DAY, recipients);
        assertEquals(0, whileLeased.sent(), "A's claims hold until its lease runs out");

        RunReport afterLease = run(b, provider, "node-b", NOW.plus(LEASE).plusSeconds(1)).run(DAY, recipients);

        assertTrue(afterLease.sent() >= 1, afterLease.toString());
        Map<String, Integer> handOvers = new HashMap<>();
        provider.handedOver.forEach(k -> handOvers.merge(k, 1, Integer::sum));
        assertEquals(MESSAGES, handOvers.size(), "every message went out");
        assertEquals(MESSAGES, provider.delivered.size(), "one copy per key after the provider's de-duplication");
        assertEquals(MESSAGES + 1, provider.handedOver.size(), "exactly one message was handed over twice");
        assertEquals(2, handOvers.get(crashedKey), "the one A sent but did not mark");
        for (int i = 0; i < MESSAGES; i++) {
            MessageState state = a.find("c" + i + "/birthday/2026/1").orElseThrow();
            assertTrue(state.done(), state.toString());
            assertTrue(state.outcome().orElseThrow().startsWith("sent <c" + i + "/"), state.toString());
        }
        assertEquals(MESSAGES, 4 + firstB.sent() + afterLease.sent(), "A marked 4 before it died");
    }
}
