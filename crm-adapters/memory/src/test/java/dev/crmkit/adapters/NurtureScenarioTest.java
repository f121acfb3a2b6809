package dev.crmkit.adapters;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.campaigns.audience.ConsentRule;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.sequence.Enrollment;
import dev.crmkit.campaigns.sequence.EnrollmentStatus;
import dev.crmkit.campaigns.sequence.Sequence;
import dev.crmkit.campaigns.sequence.SequenceAction;
import dev.crmkit.campaigns.sequence.SequenceStep;
import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.RenderedMessage;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.campaigns.template.TemplateVariables;
import dev.crmkit.campaigns.tracking.Signal;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.campaigns.tracking.TimelineEntries;
import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome.NewLeadNewContact;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.kit.Crmkit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lead nurtured by a sequence, with the real crm-core services on the in-memory store: captured from a web form
 * with consent, it gets the intro e-mail; its open and click land on its timeline and raise its score; its reply ends
 * the sequence before the reminder and hands it to sales.
 */
class NurtureScenarioTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final TestClock clock = TestClock.at(MONDAY_9, BERLIN);
    private final Crm crm = Crmkit.builder().store(InMemoryCrmStore.create()).clock(clock)
            .ids(IdGenerator.seeded(16)).defaultRegion("DE").build().crm();

    private final Sequence nurture = new Sequence("nurture", List.of(
            new SequenceStep.Send("nurture-intro", MessageKind.MARKETING),
            new SequenceStep.Wait(3),
            new SequenceStep.Send("nurture-reminder", MessageKind.MARKETING),
            new SequenceStep.Wait(4),
            new SequenceStep.HandToSales("no reply after the reminder")),
            Set.of(SignalType.REPLIED, SignalType.MEETING_BOOKED), true);

    @Test
    void lead_nurtured_opensAndClicksRaiseItsScore_aReplyEndsTheSequenceAndHandsItToSales() {
        NewLeadNewContact captured = assertInstanceOf(NewLeadNewContact.class, crm.capture().capture(
                LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@nordwind-logistik.de")
                        .request("Newsletter and price list").marketingConsent(true).build()));
        Lead lead = captured.capturedLead();
        Contact jane = captured.contact();
        RecordRef about = new RecordRef(RecordType.LEAD, lead.id().value());
        Recipient recipient = new Recipient(jane.id().value().toString(), "Jane", "Doe",
                jane.emails().get(0).value(), "", Optional.empty(), BERLIN, jane.consent(), "en");
        TemplateLibrary templates = new TemplateLibrary(TemplateVariables.standard());
        templates.save(new MessageTemplate("nurture-intro", "", "Welcome, {{first_name}}", "Here is our guide."));
        templates.save(new MessageTemplate("nurture-reminder", "", "Still interested, {{first_name}}?", "..."));
        List<OutgoingMessage> outbox = new ArrayList<>();

        // Monday: enrolled, the intro goes out (consent was given on the form)
        Enrollment enrollment = nurture.enroll(recipient.id(), MONDAY_9);
        Sequence.Progress monday = nurture.advance(enrollment, MONDAY_9, List.of());
        for (SequenceAction action : monday.actions()) {
            SequenceAction.SendMessage send = (SequenceAction.SendMessage) action;
            assertTrue(ConsentRule.check(recipient, send.kind()).permitted());
            RenderedMessage text = templates.render(send.template(), recipient.language(), Map.of("first_name",
                    recipient.firstName()));
            outbox.add(new OutgoingMessage(send.idempotencyKey(), recipient.id(), recipient.email(), text.subject(),
                    text.body()));
        }
        assertEquals(List.of("Welcome, Jane"), outbox.stream().map(OutgoingMessage::subject).toList());
        int before = crm.scoring().preview(lead.id()).value();

        // Tuesday and Wednesday: Jane opens the e-mail and clicks its link; both go on the lead's timeline
        List<Signal> signals = new ArrayList<>();
        signals.add(new Signal(recipient.id(), SignalType.OPENED, MONDAY_9.plus(Duration.ofDays(1)),
                outbox.get(0).idempotencyKey()));
        signals.add(new Signal(recipient.id(), SignalType.CLICKED, MONDAY_9.plus(Duration.ofDays(2)),
                outbox.get(0).idempotencyKey()));
        clock.advance(Duration.ofDays(2));
        signals.forEach(s -> crm.timeline().log(TimelineEntries.of(s, nurture.name(), about)));
        int engaged = crm.scoring().preview(lead.id()).value();
        assertTrue(engaged > before, "an open and a click raise the score: " + before + " -> " + engaged);

        // Wednesday afternoon: Jane replies; Thursday the sequence would send the reminder, but the reply ended it
        Signal reply = new Signal(recipient.id(), SignalType.REPLIED, MONDAY_9.plus(Duration.ofHours(54)), "");
        signals.add(reply);
        crm.timeline().log(TimelineEntries.of(reply, nurture.name(), about));
        Sequence.Progress thursday = nurture.advance(monday.enrollment(), MONDAY_9.plus(Duration.ofDays(3)),
                signals);

        assertEquals(EnrollmentStatus.GOAL_REACHED, thursday.enrollment().status());
        assertEquals(List.of(new SequenceAction.Handover(recipient.id(), "goal reached: replied")),
                thursday.actions(), "no reminder, handed to sales");
        assertEquals(List.of(), nurture.advance(thursday.enrollment(), MONDAY_9.plus(Duration.ofDays(30)), signals)
                .actions());
        assertEquals(List.of("reply received: nurture", "link clicked: nurture", "e-mail opened: nurture"),
                crm.timeline().of(about, TimelineFilter.everything(), PageRequest.first(50)).items().stream()
                        .map(Activity::subject).filter(s -> s.endsWith(": nurture")).toList());
    }
}
