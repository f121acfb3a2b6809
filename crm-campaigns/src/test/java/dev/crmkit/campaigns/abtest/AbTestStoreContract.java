package dev.crmkit.campaigns.abtest;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.CampaignRun;
import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.delivery.RunReport;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.messaging.SendResult;
import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.StandardTemplates;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.core.contact.MarketingConsent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link AbTestStore} passes, and the roll-out of a stored test in a {@link CampaignRun} over the
 * same campaign stores; subclasses give fresh, empty campaign stores per test and, for the database stores, a second
 * node over the same tables.
 */
public abstract class AbTestStoreContract {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    private static final Instant NOW = Instant.parse("2026-03-03T08:00:00.123456Z");
    private static final AbTestPlan PLAN = new AbTestPlan(AbTest.of("birthday-subject ✓", List.of(new Variant("A", 1),
            new Variant("B", 1))), "birthday", AbTestPlan.AbMetric.CLICKED, new WinnerRule(0.05, 20), 50);

    /** Fresh, empty campaign stores. */
    protected abstract CampaignStores stores();

    /** Another node over the same stores as {@code first}; in memory, the same stores. */
    protected CampaignStores secondNode(CampaignStores first) {
        return first;
    }

    @Test
    void define_storesThePlanOnce_andReadsItBackEqual() {
        CampaignStores stores = stores();
        AbTestStore store = stores.abTests();
        assertEquals(PLAN, store.define(PLAN));
        AbTestPlan other = winBack(PLAN.id());
        assertEquals(PLAN, secondNode(stores).abTests().define(other), "the first plan holds");
        assertEquals(Optional.of(PLAN), secondNode(stores).abTests().plan(PLAN.id()));
        assertEquals(Optional.empty(), store.plan("nope"));
        AbTestPlan second = winBack("Another");
        store.define(second);
        assertEquals(List.of(second, PLAN), secondNode(stores).abTests().plans(), "by id");
        assertThrows(IllegalArgumentException.class, () -> new AbRollout(store, other));
    }

    @Test
    void exposeAndHit_countPerVariant_theFirstExposureHolds() {
        CampaignStores stores = stores();
        AbTestStore store = stores.abTests();
        AbTestStore second = secondNode(stores).abTests();
        store.define(PLAN);
        assertEquals("A", store.expose(PLAN.id(), "c1", "A", NOW));
        assertEquals("A", second.expose(PLAN.id(), "c1", "B", NOW), "a contact keeps its variant");
        store.expose(PLAN.id(), "c2", "B", NOW);
        store.expose(PLAN.id(), "c3", "B", NOW);
        assertTrue(store.hit(PLAN.id(), "c2", NOW));
        assertTrue(second.hit(PLAN.id(), "c2", NOW.plusSeconds(1)), "a second action counts once");
        assertFalse(store.hit(PLAN.id(), "never-exposed", NOW));

        assertEquals(List.of(new VariantOutcome("A", 1, 0), new VariantOutcome("B", 2, 1)),
                second.outcomes(PLAN.id()));
        assertEquals(List.of(), store.outcomes("nope"));
    }

    @Test
    void settle_aSendThatWentThrough_winsOverAFailureAnotherNodeSettledForTheSameMessage() {
        CampaignStores stores = stores();
        AbTestStore store = stores.abTests();
        AbTestStore second = secondNode(stores).abTests();
        store.define(PLAN);
        assertEquals("A", store.exposeBefore(PLAN.id(), "c1", "A", "m1", NOW));
        assertEquals("A", second.exposeBefore(PLAN.id(), "c1", "A", "m1", NOW), "re-claimed by the second node");
        assertTrue(store.settle(PLAN.id(), "c1", "m1", false), "the first node's channel threw late");
        assertEquals(AbTestStore.ExposureState.FAILED, second.exposure(PLAN.id(), "c1").orElseThrow().state());
        assertTrue(second.settle(PLAN.id(), "c1", "m1", true), "the second node sent it");
        assertEquals(AbTestStore.ExposureState.SENT, store.exposure(PLAN.id(), "c1").orElseThrow().state());
        assertFalse(store.settle(PLAN.id(), "c1", "m1", false), "a late failure does not undo a send");
        assertFalse(store.settle(PLAN.id(), "c1", "other", true), "another message settles nothing");
        assertEquals(1, second.outcomes(PLAN.id()).stream().filter(o -> o.variant().equals("A"))
                .mapToLong(VariantOutcome::exposed).sum(), "counted once, as sent");
    }

    @Test
    void winner_isStoredOnce_andNeverChanges() {
        CampaignStores stores = stores();
        AbTestStore store = stores.abTests();
        store.define(PLAN);
        AbWinner first = new AbWinner(PLAN.id(), "B", "0.0012", NOW);
        assertEquals(first, store.recordWinner(first));
        assertEquals(first, secondNode(stores).abTests().recordWinner(new AbWinner(PLAN.id(), "A", "0.01",
                NOW.plusSeconds(60))));
        assertEquals(Optional.of(first), store.winner(PLAN.id()));
        assertEquals(Optional.empty(), store.winner("other"));
    }

    @Test
    void concurrentWinners_oneIsKept() throws Exception {
        CampaignStores stores = stores();
        AbTestStore first = stores.abTests();
        AbTestStore second = secondNode(stores).abTests();
        first.define(PLAN);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<AbWinner>> calls = List.of(
                    () -> first.recordWinner(new AbWinner(PLAN.id(), "A", "0.01", NOW)),
                    () -> second.recordWinner(new AbWinner(PLAN.id(), "B", "0.02", NOW)));
            List<Future<AbWinner>> results = pool.invokeAll(calls);
            assertEquals(results.get(0).get(), results.get(1).get(), "both see the one kept");
            assertEquals(Optional.of(results.get(0).get()), first.winner(PLAN.id()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rollout_testGroupGetsVariants_restWaits_thenGetsTheSignificantWinner() {
        CampaignStores stores = stores();
        TemplateLibrary templates = variantTemplates();
        Map<String, Recipient> recipients = birthdays(stores, 200, DAY.plusDays(6));
        long tested = recipients.keySet().stream().filter(PLAN::inTestGroup).count();
        assertTrue(tested > 60 && tested < 140, "about half in the test group: " + tested);

        Map<String, String> subjects = new HashMap<>();
        RunReport first = run(stores, templates, subjects, NOW, DAY, recipients);

        assertEquals(tested, first.sent());
        assertEquals(200 - tested, first.deferred(), "the rest wait for the winner");
        subjects.forEach((id, subject) -> {
            assertTrue(PLAN.inTestGroup(id), id);
            assertEquals(PLAN.test().assign(id).name(), subject.substring(0, 1), id);
        });
        List<VariantOutcome> outcomes = secondNode(stores).abTests().outcomes(PLAN.id());
        assertEquals(tested, outcomes.get(0).exposed() + outcomes.get(1).exposed());
        assertEquals(Optional.empty(), stores.abTests().winner(PLAN.id()), "no clicks yet: no winner");

        // every B reader clicks, no A reader does: B wins
        subjects.forEach((id, subject) -> {
            if (subject.startsWith("B")) {
                secondNode(stores).abTests().hit(PLAN.id(), id, NOW.plusSeconds(600));
            }
        });
        Map<String, String> later = new HashMap<>();
        RunReport second = run(secondNode(stores), templates, later, NOW.plus(Duration.ofDays(1)), DAY.plusDays(1),
                recipients);

        assertEquals("B", stores.abTests().winner(PLAN.id()).orElseThrow().variant());
        assertEquals(200 - tested, second.sent(), "the rest");
        assertEquals(0, second.deferred());
        later.forEach((id, subject) -> {
            assertFalse(PLAN.inTestGroup(id), "a tested contact gets nothing twice: " + id);
            assertTrue(subject.startsWith("B:"), id + " got " + subject);
        });
        assertEquals(outcomes.stream().map(VariantOutcome::exposed).toList(),
                stores.abTests().outcomes(PLAN.id()).stream().map(VariantOutcome::exposed).toList(),
                "the rest is not part of the test");
    }

    @Test
    void rollout_waitingMessageOnItsLastValidDay_getsItsOwnVariant() {
        CampaignStores stores = stores();
        AbTestPlan small = new AbTestPlan(AbTest.of("small", List.of(new Variant("A", 1), new Variant("B", 3))),
                "birthday", AbTestPlan.AbMetric.OPENED, new WinnerRule(0.05, 1000), 1);
        TemplateLibrary templates = variantTemplates();
        Map<String, Recipient> recipients = birthdays(stores, 30, DAY);
        Map<String, String> subjects = new HashMap<>();
        RunReport report = new CampaignRun(stores.messages(), m -> {
            subjects.put(m.contactId(), m.subject());
            return new SendResult.Accepted(m.idempotencyKey());
        }, templates, FrequencyCaps.standard(), Clock.fixed(NOW, ZoneOffset.UTC), "n1", Duration.ofMinutes(5))
                .withAbRollout(new AbRollout(stores.abTests(), small)).run(DAY, recipients);

        assertEquals(30, report.sent(), "nothing expires waiting");
        subjects.forEach((id, s) -> assertEquals(small.test().assign(id).name(), s.substring(0, 1), id));
        assertEquals(30, stores.abTests().outcomes("small").stream().mapToLong(VariantOutcome::exposed).sum());
    }

    @Test
    void rollout_crashBetweenSendAndMark_losesNoExposure_evenWhenTheOfferExpiresBeforeAnotherNodeClaimsIt() {
        CampaignStores stores = stores();
        AbTestPlan everybody = everybody("crash");
        Map<String, Recipient> recipients = birthdays(stores, 1, DAY); // valid on DAY only
        List<String> delivered = new java.util.ArrayList<>();

        assertThrows(NodeDied.class, () -> crashingRun(stores, everybody, delivered, NOW)
                .run(DAY, recipients), "the node dies after the provider took the message");
        RunReport next = crashingRun(secondNode(stores), everybody, delivered, NOW.plus(Duration.ofDays(1)))
                .run(DAY.plusDays(1), recipients);

        assertEquals(List.of("c0/birthday/2026/1"), delivered, "sent once, expired before a second claim");
        assertEquals(0, next.sent());
        assertEquals(1, secondNode(stores).abTests().outcomes("crash").stream()
                .mapToLong(VariantOutcome::exposed).sum(), "the delivered variant counts");
        assertEquals(1, secondNode(stores).abTests().outcomes("crash").stream()
                .filter(o -> o.variant().equals(everybody.test().assign("c0").name()))
                .mapToLong(VariantOutcome::exposed).sum());
        // told apart from a sent one: still pending, under the message that expired
        assertEquals(Optional.of(new AbTestStore.Exposure(everybody.test().assign("c0").name(),
                AbTestStore.ExposureState.PENDING, Optional.of("c0/birthday/2026/1"))),
                secondNode(stores).abTests().exposure("crash", "c0"));
    }

    @Test
    void rollout_sendTheChannelRefuses_leavesAFailedExposure_notCounted() {
        CampaignStores stores = stores();
        AbTestPlan everybody = everybody("refused");
        Map<String, Recipient> recipients = birthdays(stores, 2, DAY.plusDays(6));

        RunReport report = rollout(stores, variantTemplates(), m -> m.contactId().equals("c0")
                ? new SendResult.Rejected("mailbox unavailable") : new SendResult.Accepted(m.idempotencyKey()),
                NOW, "n1", everybody).run(DAY, recipients);

        assertEquals(1, report.sent());
        assertEquals(1, stores.abTests().outcomes("refused").stream().mapToLong(VariantOutcome::exposed).sum(),
                "only the accepted message counts");
        assertEquals(AbTestStore.ExposureState.FAILED, stores.abTests().exposure("refused", "c0").orElseThrow()
                .state());
        assertEquals(Optional.of("c0/birthday/2026/1"), stores.abTests().exposure("refused", "c0").orElseThrow()
                .messageKey());
        assertEquals(AbTestStore.ExposureState.SENT, stores.abTests().exposure("refused", "c1").orElseThrow()
                .state());
    }

    @Test
    void rollout_sendThatThrows_isFailedNotCounted_untilAnotherNodeSendsIt() {
        CampaignStores stores = stores();
        AbTestPlan everybody = everybody("throws");
        Map<String, Recipient> recipients = birthdays(stores, 1, DAY.plusDays(6));

        assertThrows(IllegalStateException.class, () -> rollout(stores, variantTemplates(), m -> {
            throw new IllegalStateException("SMTP connection reset");
        }, NOW, "n1", everybody).run(DAY, recipients));
        assertEquals(0, stores.abTests().outcomes("throws").stream().mapToLong(VariantOutcome::exposed).sum(),
                "a send that threw counts nothing");
        assertEquals(AbTestStore.ExposureState.FAILED, stores.abTests().exposure("throws", "c0").orElseThrow()
                .state());

        RunReport retry = rollout(secondNode(stores), variantTemplates(), m -> new SendResult.Accepted(
                m.idempotencyKey()), NOW.plusSeconds(600), "n2", everybody).run(DAY, recipients);

        assertEquals(1, retry.sent());
        assertEquals(1, stores.abTests().outcomes("throws").stream().mapToLong(VariantOutcome::exposed).sum(),
                "counted once, when it went out");
        assertEquals(new AbTestStore.Exposure(everybody.test().assign("c0").name(), AbTestStore.ExposureState.SENT,
                Optional.of("c0/birthday/2026/1")), stores.abTests().exposure("throws", "c0").orElseThrow());
    }

    @Test
    void rollout_resendAfterACrash_countsTheExposureOnce() {
        CampaignStores stores = stores();
        AbTestPlan everybody = everybody("resend");
        Map<String, Recipient> recipients = birthdays(stores, 3, DAY.plusDays(6));
        List<String> delivered = new java.util.ArrayList<>();
        assertThrows(NodeDied.class, () -> crashingRun(stores, everybody, delivered, NOW)
                .run(DAY, recipients));

        // the lease (5 minutes) ran out: another node claims what is not done and sends it again, same key
        RunReport second = rollout(secondNode(stores), variantTemplates(), m -> {
            delivered.add(m.idempotencyKey());
            return new SendResult.Accepted(m.idempotencyKey());
        }, NOW.plusSeconds(600), "n2", everybody).run(DAY, recipients);

        assertEquals(3, second.sent(), "the crashed one again, and the two after it");
        assertEquals(4, delivered.size(), "one message went to the provider twice under its key");
        assertEquals(3, stores.abTests().outcomes("resend").stream().mapToLong(VariantOutcome::exposed).sum(),
                "three contacts, three exposures");
    }

    /**
     * The node dying: no code of it runs any more (an {@link Error}, which the run does not catch, unlike a channel's
     * exception).
     */
    static final class NodeDied extends Error {
        private static final long serialVersionUID = 1L;

        NodeDied(String message) {
            super(message);
        }
    }

    /** A run whose node dies right after the provider took its first message (the send done, nothing marked). */
    private static CampaignRun crashingRun(CampaignStores stores, AbTestPlan plan, List<String> delivered,
            Instant now) {
        return rollout(stores, variantTemplates(), m -> {
            delivered.add(m.idempotencyKey());
            throw new NodeDied("the node died after sending " + m.idempotencyKey());
        }, now, "n1", plan);
    }

    /**
     * A run of the campaign stores' ledger on node {@code node} at {@code now}, with the standard caps and a lease of
     * five minutes, rolling out {@code plan} in the stores' A/B tests.
     */
    private static CampaignRun rollout(CampaignStores stores, TemplateLibrary templates, MessageChannel channel,
            Instant now, String node, AbTestPlan plan) {
        return new CampaignRun(stores.messages(), channel, templates, FrequencyCaps.standard(),
                Clock.fixed(now, ZoneOffset.UTC), node, Duration.ofMinutes(5))
                .withAbRollout(new AbRollout(stores.abTests(), plan));
    }

    /** A birthday test of two even variants that takes every recipient. */
    private static AbTestPlan everybody(String id) {
        return new AbTestPlan(AbTest.of(id, List.of(new Variant("A", 1), new Variant("B", 1))), "birthday",
                AbTestPlan.AbMetric.OPENED, new WinnerRule(0.05, 1000), 100);
    }

    /** A win-back test of the variants X (3) and Y (1). */
    private static AbTestPlan winBack(String id) {
        return new AbTestPlan(AbTest.of(id, List.of(new Variant("X", 3), new Variant("Y", 1))), "win-back",
                AbTestPlan.AbMetric.OPENED, new WinnerRule(0.01, 5), 100);
    }

    private static TemplateLibrary variantTemplates() {
        TemplateLibrary templates = StandardTemplates.library();
        templates.save(new MessageTemplate("birthday-a", "", "A: happy birthday", "a"));
        templates.save(new MessageTemplate("birthday-b", "", "B: a gift for you", "b"));
        return templates;
    }

    /** {@code n} recipients with consent, each with a birthday offer due on DAY in the ledger. */
    private static Map<String, Recipient> birthdays(CampaignStores stores, int n, LocalDate validUntil) {
        Map<String, Recipient> recipients = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String id = "c" + i;
            recipients.put(id, new Recipient(id, "N", "", id + "@example.com", "", Optional.empty(), ZoneOffset.UTC,
                    MarketingConsent.granted(Instant.EPOCH, "form"), "en"));
            stores.messages().schedule(new DueMessage(id, "birthday", 1, "2026", DAY, validUntil,
                    MessageKind.MARKETING));
        }
        return recipients;
    }

    private static RunReport run(CampaignStores stores, TemplateLibrary templates, Map<String, String> subjects,
            Instant now, LocalDate day, Map<String, Recipient> recipients) {
        return rollout(stores, templates, m -> {
            subjects.put(m.contactId(), m.subject());
            return new SendResult.Accepted(m.idempotencyKey());
        }, now, "n1", PLAN).run(day, recipients);
    }
}
