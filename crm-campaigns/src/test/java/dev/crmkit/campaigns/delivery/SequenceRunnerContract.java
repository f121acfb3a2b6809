package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import dev.crmkit.campaigns.sequence.ContactSignals;
import dev.crmkit.campaigns.sequence.Enrolling;
import dev.crmkit.campaigns.sequence.Enrollment;
import dev.crmkit.campaigns.sequence.EnrollmentStatus;
import dev.crmkit.campaigns.sequence.Sequence;
import dev.crmkit.campaigns.sequence.SequenceAction;
import dev.crmkit.campaigns.sequence.SequenceStep;
import dev.crmkit.campaigns.sequence.StepActions;
import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.campaigns.template.TemplateVariables;
import dev.crmkit.campaigns.tracking.Signal;
import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.EventTrigger;
import dev.crmkit.campaigns.trigger.HostEvent;
import dev.crmkit.campaigns.window.SendWindow;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.core.contact.MarketingConsent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of the {@link SequenceRunner} over every store (in memory, and JDBC on H2, PostgreSQL and MariaDB):
 * two nodes running the runner and the sending run together carry out every step of every enrollment once; a node
 * that dies between carrying a step out and recording the advance leaves that one step to be carried out once more,
 * with the same key, after its lease; goals end an enrollment; consent is checked when the step's message is sent.
 * Subclasses give fresh, empty stores per test.
 */
public abstract class SequenceRunnerContract {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int CONTACTS = 24;

    /** Onboarding: welcome, a task for the owner, a day's wait, a field, a follow-up, then sales. */
    private static final Sequence ONBOARD = new Sequence("onboard", List.of(
            new SequenceStep.Send("onboard-welcome", MessageKind.MARKETING),
            new SequenceStep.CreateTask("Call the new lead", 1),
            new SequenceStep.Wait(1),
            new SequenceStep.ChangeField("lifecycle", "engaged"),
            new SequenceStep.Send("onboard-follow-up", MessageKind.MARKETING),
            new SequenceStep.HandToSales("onboarded")), Set.of(SignalType.REPLIED), true);

    /** Fresh, empty stores. */
    protected abstract CampaignStores stores();

    /** Another node over the same stored state as {@code first}; in memory, the same stores. */
    protected CampaignStores secondNode(CampaignStores first) {
        return first;
    }

    /** A provider that records every hand-over and keeps one copy per idempotency key. */
    static final class Provider implements MessageChannel {
        final List<OutgoingMessage> handedOver = Collections.synchronizedList(new ArrayList<>());

        @Override
        public SendResult send(OutgoingMessage message) {
            handedOver.add(message);
            return new SendResult.Accepted("<" + message.idempotencyKey() + ">");
        }

        Map<String, Integer> perKey() {
            Map<String, Integer> out = new HashMap<>();
            synchronized (handedOver) {
                handedOver.forEach(m -> out.merge(m.idempotencyKey(), 1, Integer::sum));
            }
            return out;
        }
    }

    /** The host's side of the other steps: records each action with its key. */
    static class Host implements StepActions {
        final List<String> performed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void perform(SequenceAction action, String idempotencyKey) {
            performed.add(action.getClass().getSimpleName() + " " + idempotencyKey);
        }

        Map<String, Integer> perKey() {
            Map<String, Integer> out = new HashMap<>();
            synchronized (performed) {
                performed.forEach(k -> out.merge(k, 1, Integer::sum));
            }
            return out;
        }
    }

    /** What a process that dies throws: not an exception a runner handles. */
    static final class Died extends Error {
        Died() {
            super("the node died");
        }
    }

    private static TemplateLibrary templates() {
        TemplateLibrary templates = new TemplateLibrary(TemplateVariables.standard());
        templates.save(new MessageTemplate("onboard-welcome", "", "Welcome, {{first_name}}", "Glad you are here."));
        templates.save(new MessageTemplate("onboard-follow-up", "", "How is it going, {{first_name}}?", "..."));
        return templates;
    }

    private static Map<String, Recipient> recipients(Set<String> withoutConsent) {
        Map<String, Recipient> out = new HashMap<>();
        for (int i = 0; i < CONTACTS; i++) {
            String id = "c" + i;
            MarketingConsent consent = withoutConsent.contains(id) ? MarketingConsent.unknown()
                    : MarketingConsent.granted(T0.minus(Duration.ofDays(30)), "form");
            out.put(id, new Recipient(id, "Name" + i, "", id + "@example.com", "", Optional.empty(), BERLIN,
                    consent, "en"));
        }
        return out;
    }

    private static void enrollAll(CampaignStores stores) {
        for (int i = 0; i < CONTACTS; i++) {
            assertTrue(stores.enrollments().enroll(ONBOARD, "c" + i, T0.plusMillis(i)) instanceof Enrolling.Enrolled);
        }
    }

    private static SequenceRunner runner(CampaignStores stores, ContactSignals signals, StepActions host,
            String node) {
        return new SequenceRunner(stores.enrollments(), stores.messages(), List.of(ONBOARD), signals, host, node,
                LEASE);
    }

    private static final Function<String, ZoneId> ZONES = id -> BERLIN;

    /** One node's round at {@code now}: advance the sequences, then send what is due on its day. */
    private static SequenceRunReport round(CampaignStores stores, SequenceRunner runner, Provider provider,
            String node, Instant now, Map<String, Recipient> recipients) {
        SequenceRunReport report = runner.run(now, ZONES);
        new CampaignRun(stores.messages(), provider, templates(), new FrequencyCaps(5, 10, 20),
                Clock.fixed(now, ZoneOffset.UTC), node, LEASE).run(LocalDate.ofInstant(now, BERLIN), recipients);
        return report;
    }

    @Test
    void twoNodesTogether_carryOutEveryStepOfEveryEnrollmentOnce_andSendThroughTheCampaignChecks()
            throws Exception {
        CampaignStores a = stores();
        CampaignStores b = secondNode(a);
        enrollAll(a);
        Provider provider = new Provider();
        Host host = new Host();
        Map<String, Recipient> recipients = recipients(Set.of("c0"));
        SequenceRunner runnerA = runner(a, ContactSignals.none(), host, "node-a");
        SequenceRunner runnerB = runner(b, ContactSignals.none(), host, "node-b");
        int advanced = 0;

        for (Instant now : List.of(T0.plusSeconds(60), T0.plus(Duration.ofDays(1)).plusSeconds(60))) {
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<SequenceRunReport> nodeA = CompletableFuture.supplyAsync(() -> {
                await(start);
                return round(a, runnerA, provider, "node-a", now, recipients);
            });
            CompletableFuture<SequenceRunReport> nodeB = CompletableFuture.supplyAsync(() -> {
                await(start);
                return round(b, runnerB, provider, "node-b", now, recipients);
            });
            start.countDown();
            SequenceRunReport ra = nodeA.get();
            SequenceRunReport rb = nodeB.get();
            assertEquals(0, ra.lost() + rb.lost(), ra + " " + rb);
            assertEquals(List.of(), ra.failed());
            assertEquals(CONTACTS, ra.advanced() + rb.advanced(), "each enrollment advanced by one node: " + ra
                    + " " + rb);
            advanced += ra.advanced() + rb.advanced();
        }

        assertEquals(2 * CONTACTS, advanced);
        Map<String, Integer> sent = provider.perKey();
        assertEquals(2 * (CONTACTS - 1), sent.size(), "two messages per contact with consent: " + sent.keySet());
        assertTrue(sent.values().stream().allMatch(n -> n == 1), "each sent once: " + sent);
        assertTrue(sent.containsKey("c5/onboard-welcome/onboard@" + T0.plusMillis(5) + "/1"), sent.keySet()
                .toString());
        assertTrue(sent.containsKey("c5/onboard-follow-up/onboard@" + T0.plusMillis(5) + "/5"));
        Map<String, Integer> performed = host.perKey();
        assertEquals(3 * CONTACTS, performed.size(), "a task, a field and a hand-over per contact");
        assertTrue(performed.values().stream().allMatch(n -> n == 1), "each carried out once: " + performed);
        assertTrue(performed.containsKey("Handover " + a.enrollments().of("c5", "onboard").get(0).stepKey(5)));
        for (int i = 0; i < CONTACTS; i++) {
            Enrollment e = b.enrollments().of("c" + i, "onboard").get(0);
            assertEquals(EnrollmentStatus.HANDED_TO_SALES, e.status(), e.toString());
        }
        MessageState withoutConsent = a.messages().find("c0/onboard-welcome/onboard@" + T0 + "/1").orElseThrow();
        assertTrue(withoutConsent.outcome().orElseThrow().startsWith("held: "), withoutConsent.toString());
        assertTrue(provider.handedOver.stream().noneMatch(m -> m.contactId().equals("c0")));
        assertEquals(List.of(), runnerA.run(T0.plus(Duration.ofDays(30)), ZONES).failed());
        assertEquals(0, runnerB.run(T0.plus(Duration.ofDays(30)), ZONES).advanced(), "every enrollment ended");
    }

    @Test
    void aNodeThatDiesBeforeRecordingTheAdvance_leavesOneStepToBeCarriedOutOnceMore_withTheSameKey() {
        CampaignStores a = stores();
        CampaignStores b = secondNode(a);
        enrollAll(a);
        Provider provider = new Provider();
        Host host = new Host();
        Host dying = new Host() {
            @Override
            public void perform(SequenceAction action, String idempotencyKey) {
                super.perform(action, idempotencyKey);
                throw new Died(); // the host carried it out; the node dies before the advance is recorded
            }
        };
        Map<String, Recipient> recipients = recipients(Set.of());
        Instant now = T0.plusSeconds(60);
        assertThrows(Died.class, () -> runner(a, ContactSignals.none(), dying, "node-a").run(now, ZONES));
        String diedOn = dying.performed.get(0);

        SequenceRunReport whileLeased = round(b, runner(b, ContactSignals.none(), host, "node-b"), provider,
                "node-b", now.plus(LEASE), recipients);
        assertEquals(0, whileLeased.advanced(), "node-a's claims hold until its lease ends");
        assertEquals(1, provider.handedOver.size(), "the welcome node-a recorded before it died is sent");

        SequenceRunReport afterLease = round(b, runner(b, ContactSignals.none(), host, "node-b"), provider,
                "node-b", now.plus(LEASE).plusSeconds(1), recipients);

        assertEquals(CONTACTS, afterLease.advanced());
        assertEquals(CONTACTS - 1, afterLease.scheduled(), "the welcome node-a recorded is not recorded again");
        assertEquals(List.of(diedOn), host.performed.stream().filter(diedOn::equals).toList(),
                "the step node-a carried out is carried out once more, with the same key");
        assertEquals(CONTACTS, host.perKey().size());
        Map<String, Integer> sent = provider.perKey();
        assertEquals(CONTACTS, sent.size());
        assertTrue(sent.values().stream().allMatch(n -> n == 1), sent.toString());
    }

    @Test
    void aStepTheHostFails_leavesTheEnrollmentForTheNextRun_andTheOthersGoOn() {
        CampaignStores a = stores();
        enrollAll(a);
        Host flaky = new Host() {
            private boolean failed;

            @Override
            public synchronized void perform(SequenceAction action, String idempotencyKey) {
                if (!failed && action.contactId().equals("c3")) {
                    failed = true;
                    throw new IllegalStateException("the task service is down");
                }
                super.perform(action, idempotencyKey);
            }
        };
        SequenceRunner runner = runner(a, ContactSignals.none(), flaky, "node-a");
        Instant now = T0.plusSeconds(60);

        SequenceRunReport first = runner.run(now, ZONES);
        SequenceRunReport again = runner(secondNode(a), ContactSignals.none(), flaky, "node-b").run(now, ZONES);

        assertEquals(CONTACTS - 1, first.advanced());
        assertEquals(List.of("c3 in onboard: the task service is down"), first.failed());
        assertEquals(1, again.advanced(), "released at the end of the run: another node takes it at once");
        assertEquals(0, again.scheduled(), "its welcome was recorded by the first run");
        assertEquals(CONTACTS, flaky.perKey().size());
        assertEquals(3, a.enrollments().of("c3", "onboard").get(0).step(), "c3 waits for its next step as the others");
    }

    @Test
    void aGoalEndsTheEnrollmentBeforeItsNextStep_andHandsItToSalesOnce() {
        CampaignStores a = stores();
        enrollAll(a);
        Host host = new Host();
        Instant replied = T0.plus(Duration.ofHours(5));
        ContactSignals signals = (contact, since, until) -> contact.equals("c1") && !replied.isAfter(until)
                && !replied.isBefore(since) ? List.of(new Signal("c1", SignalType.REPLIED, replied, "")) : List.of();
        SequenceRunner runner = runner(a, signals, host, "node-a");
        runner.run(T0.plusSeconds(60), ZONES);

        SequenceRunReport dayTwo = runner.run(T0.plus(Duration.ofDays(1)).plusSeconds(60), ZONES);

        Enrollment c1 = a.enrollments().of("c1", "onboard").get(0);
        assertEquals(EnrollmentStatus.GOAL_REACHED, c1.status());
        assertEquals("goal reached: replied", c1.endReason());
        assertEquals(1, (int) dayTwo.ended().get(EnrollmentStatus.GOAL_REACHED));
        assertEquals(CONTACTS - 1, (int) dayTwo.ended().get(EnrollmentStatus.HANDED_TO_SALES));
        assertTrue(host.performed.contains("Handover " + c1.stepKey(3) + "/goal"), host.performed.toString());
        assertFalse(host.performed.contains("FieldChange " + c1.stepKey(3)), "no step after the goal");
        assertTrue(a.messages().find("c1/onboard-follow-up/onboard@" + T0.plusMillis(1) + "/5").isEmpty());
        assertEquals(0, runner.run(T0.plus(Duration.ofDays(9)), ZONES).advanced());
    }

    @Test
    void aMessageInTheLedgerWhenAGoalEndsTheEnrollment_isHeldBackForGood_andTheOthersGo() {
        CampaignStores a = stores();
        enrollAll(a);
        Instant replied = T0.plus(Duration.ofHours(5));
        ContactSignals signals = (contact, since, until) -> contact.equals("c1") && !replied.isAfter(until)
                && !replied.isBefore(since) ? List.of(new Signal("c1", SignalType.REPLIED, replied, "")) : List.of();
        // the welcome is scheduled, but no run sends it the first day (deferred, a node down)
        runner(a, signals, new Host(), "node-a").run(T0.plusSeconds(60), ZONES);
        String welcome = "c1/onboard-welcome/onboard@" + T0.plusMillis(1) + "/1";
        assertTrue(a.messages().find(welcome).isPresent());
        // the next day c1's reply ends its enrollment before the sending run
        Instant next = T0.plus(Duration.ofDays(1)).plusSeconds(60);
        runner(a, signals, new Host(), "node-a").run(next, ZONES);
        assertEquals(EnrollmentStatus.GOAL_REACHED, a.enrollments().of("c1", "onboard").get(0).status());

        CampaignStores b = secondNode(a);
        Provider provider = new Provider();
        RunReport report = new CampaignRun(b.messages(), provider, templates(), new FrequencyCaps(5, 10, 20),
                Clock.fixed(next, ZoneOffset.UTC), "node-b", LEASE)
                .withCancellation(Cancellation.ofSequences(b.enrollments()))
                .run(LocalDate.ofInstant(next, BERLIN), recipients(Set.of()));

        assertFalse(provider.perKey().containsKey(welcome), "the welcome of an enrollment ended on a goal");
        MessageState state = b.messages().find(welcome).orElseThrow();
        assertEquals(Optional.of("held: cancelled: the enrollment ended, goal reached: replied"), state.outcome());
        assertEquals(1, report.held());
        assertTrue(provider.perKey().containsKey("c2/onboard-welcome/onboard@" + T0.plusMillis(2) + "/1"),
                "an active enrollment's message still goes");
    }

    /** Templates of the event-triggered messages. */
    private static TemplateLibrary eventTemplates() {
        TemplateLibrary templates = templates();
        templates.save(new MessageTemplate("payment-reminder", "", "Invoice {{occurrence}}", "Please pay."));
        templates.save(new MessageTemplate("abandoned-cart", "", "Your cart {{occurrence}}", "Still there."));
        return templates;
    }

    @Test
    void anEventMessageDeferredAndThenCancelled_isHeldBackForGood_andNeverSent() {
        CampaignStores a = stores();
        // Wednesday 2026-03-04: invoice 17 due (reminder on Saturday); Friday: cart 9 abandoned (mail on Saturday)
        Instant wednesday = Instant.parse("2026-03-04T10:00:00Z");
        a.events().record("k1", new HostEvent("c1", CampaignEvents.PAYMENT_DUE, wednesday, "INV-17"));
        a.events().record("k2", new HostEvent("c2", CampaignEvents.CART_ABANDONED, wednesday.plus(Duration.ofDays(2)),
                "CART-9"));
        List<EventTrigger> triggers = List.of(EventTrigger.paymentReminder(), EventTrigger.abandonedCart());
        Provider provider = new Provider();
        Map<String, Recipient> recipients = recipients(Set.of());
        SendWindow weekdays = SendWindow.businessHours();
        Instant saturday = Instant.parse("2026-03-07T11:00:00Z");
        for (EventTrigger t : triggers) {
            for (String contact : List.of("c1", "c2")) {
                t.dueBetween(a.events().of(contact), BERLIN, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7))
                        .forEach(a.messages()::schedule);
            }
        }
        // Saturday's run defers both (outside the send window): they stay in the ledger
        RunReport deferred = new CampaignRun(a.messages(), provider, eventTemplates(), new FrequencyCaps(5, 10, 20),
                Clock.fixed(saturday, ZoneOffset.UTC), "node-a", LEASE).withSendWindow(weekdays)
                .withCancellation(Cancellation.ofEvents(triggers, a.events()))
                .run(LocalDate.of(2026, 3, 7), recipients);
        assertEquals(2, deferred.deferred());
        // Sunday: the invoice is paid and the cart is ordered
        Instant sunday = Instant.parse("2026-03-08T09:00:00Z");
        a.events().record("k3", new HostEvent("c1", CampaignEvents.PAYMENT_RECEIVED, sunday, "INV-17"));
        a.events().record("k4", new HostEvent("c2", CampaignEvents.ORDER_PLACED, sunday, "CART-9"));

        // Monday: another node claims them and holds them back for good
        Instant monday = Instant.parse("2026-03-09T10:00:00Z");
        CampaignStores b = secondNode(a);
        RunReport report = new CampaignRun(b.messages(), provider, eventTemplates(), new FrequencyCaps(5, 10, 20),
                Clock.fixed(monday, ZoneOffset.UTC), "node-b", LEASE).withSendWindow(weekdays)
                .withCancellation(Cancellation.ofEvents(triggers, b.events()))
                .run(LocalDate.of(2026, 3, 9), recipients);

        assertEquals(0, report.sent(), provider.handedOver.toString());
        assertEquals(2, report.held());
        assertTrue(provider.handedOver.isEmpty());
        MessageState reminder = b.messages().find("c1/payment-reminder/INV-17/1").orElseThrow();
        assertTrue(reminder.done());
        assertTrue(reminder.outcome().orElseThrow().startsWith("held: cancelled by payment-received INV-17"),
                reminder.outcome().toString());
        assertTrue(b.messages().find("c2/abandoned-cart/CART-9/1").orElseThrow().outcome().orElseThrow()
                .startsWith("held: cancelled by order-placed CART-9"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
