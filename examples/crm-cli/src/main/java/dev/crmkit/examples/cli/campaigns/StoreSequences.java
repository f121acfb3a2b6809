package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.delivery.SequenceRunReport;
import dev.crmkit.campaigns.delivery.SequenceRunner;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.sequence.ContactSignals;
import dev.crmkit.campaigns.sequence.Enrolling;
import dev.crmkit.campaigns.sequence.Sequence;
import dev.crmkit.campaigns.sequence.SequenceAction;
import dev.crmkit.campaigns.sequence.SequenceStep;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.HostEvent;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The nurture sequence of {@code crm campaigns run} on the store: a contact with a {@code lead-captured} event is
 * enrolled at the event's time (once per contact), gets {@code nurture-intro}, three days later
 * {@code nurture-reminder}, and four days after that is handed to sales; a reply, a booked meeting, an order or a
 * stage entered (recorded events) ends it before and hands it to sales. Handing to sales and tasks become a task for
 * the contact's owner (its id derived from the step's idempotency key, so a step carried out again after a crash
 * creates no second task); a contact without an owner gets none, which the run reports.
 */
final class StoreSequences {

    /** The built-in nurture sequence. */
    static final Sequence NURTURE = new Sequence("nurture", List.of(
            new SequenceStep.Send("nurture-intro", MessageKind.MARKETING), new SequenceStep.Wait(3),
            new SequenceStep.Send("nurture-reminder", MessageKind.MARKETING), new SequenceStep.Wait(4),
            new SequenceStep.HandToSales("no reply after the reminder")),
            Set.of(SignalType.REPLIED, SignalType.MEETING_BOOKED, SignalType.PURCHASED, SignalType.STAGE_REACHED),
            true);

    private StoreSequences() {
    }

    /**
     * What one run did.
     *
     * @param enrolled contacts enrolled in this run
     * @param report   the runner's report
     * @param actions  the steps carried out for the host, for people
     */
    record Outcome(int enrolled, SequenceRunReport report, List<String> actions) {
    }

    /**
     * Enrolls the contacts captured as leads from {@code since} to {@code now}, then advances every due enrollment as
     * of {@code now}: messages go into the store's ledger, to be sent by the run's {@code CampaignRun}.
     */
    static Outcome run(CrmStore crm, CampaignStores stores, Map<String, Recipient> recipients, ZoneId fallback,
            String node, Instant since, Instant now) {
        int enrolled = 0;
        for (HostEvent e : stores.events().between(since, now.plusNanos(1))) {
            if (e.type().equals(CampaignEvents.LEAD_CAPTURED) && recipients.containsKey(e.contactId())
                    && stores.enrollments().enroll(NURTURE, e.contactId(), e.at()) instanceof Enrolling.Enrolled) {
                enrolled++;
            }
        }
        List<String> actions = Collections.synchronizedList(new ArrayList<>());
        SequenceRunner runner = new SequenceRunner(stores.enrollments(), stores.messages(), List.of(NURTURE),
                // a reply counts whichever way it was recorded: a reply-received event or an inbound e-mail logged
                ContactSignals.fromEvents(stores.events()).and(ContactSignals.fromTimeline(crm.activities())),
                (action, key) -> actions.add(perform(crm, action, key, now)), node, Duration.ofHours(1));
        SequenceRunReport report = runner.run(now, id -> Optional.ofNullable(recipients.get(id))
                .map(Recipient::zone).orElse(fallback));
        return new Outcome(enrolled, report, List.copyOf(actions));
    }

    private static String perform(CrmStore crm, SequenceAction action, String key, Instant now) {
        String title;
        Instant due;
        if (action instanceof SequenceAction.Handover h) {
            title = "Hand to sales: " + h.note();
            due = now;
        } else if (action instanceof SequenceAction.TaskForOwner t) {
            title = t.title();
            due = t.due();
        } else {
            throw new UnsupportedOperationException("the crm program's sequence changes no field: " + action);
        }
        UUID id = UUID.fromString(action.contactId());
        Optional<Contact> contact = crm.contacts().findById(new ContactId(id));
        if (contact.isEmpty() || contact.get().owner().isEmpty()) {
            return action.contactId() + ": " + title + " (no owner, no task)";
        }
        TaskId taskId = new TaskId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
        if (crm.tasks().findById(taskId).isEmpty()) {
            crm.tasks().insert(Task.open(taskId, title, due, Optional.empty(), contact.get().owner().get(),
                    Optional.of(new RecordRef(RecordType.CONTACT, id)), now));
        }
        return action.contactId() + ": " + title + " (task for " + contact.get().owner().get() + ")";
    }
}
