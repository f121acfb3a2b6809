package dev.crmkit.campaigns.sequence;

import dev.crmkit.campaigns.tracking.Signal;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.campaigns.trigger.CampaignEvents;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a {@code SequenceRunner} reads a contact's tracking signals (replies, booked meetings, purchases, a stage
 * reached, opens and clicks) that decide goals, conditions and branches: the host's tracking, its timeline, or the
 * store's recorded events. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ContactSignals {

    /** The event type of a reply the host received from a contact. */
    String REPLY_RECEIVED = "reply-received";
    /** The event type of a meeting a contact booked. */
    String MEETING_BOOKED = "meeting-booked";

    /** The contact's signals from {@code since} to {@code until}, both included, in any order. */
    List<Signal> of(String contactId, Instant since, Instant until);

    /** No signals at all: goals, conditions and branches never see one. */
    static ContactSignals none() {
        return (contactId, since, until) -> List.of();
    }

    /**
     * The signals in the host's recorded events: {@code order-placed} is {@link SignalType#PURCHASED},
     * {@code stage-entered} {@link SignalType#STAGE_REACHED}, {@code reply-received} {@link SignalType#REPLIED} and
     * {@code meeting-booked} {@link SignalType#MEETING_BOOKED}; other events are no signal. The signal's message key
     * is the event's reference.
     */
    static ContactSignals fromEvents(CampaignEvents events) {
        java.util.Objects.requireNonNull(events, "events");
        Map<String, SignalType> types = Map.of(CampaignEvents.ORDER_PLACED, SignalType.PURCHASED,
                CampaignEvents.STAGE_ENTERED, SignalType.STAGE_REACHED, REPLY_RECEIVED, SignalType.REPLIED,
                MEETING_BOOKED, SignalType.MEETING_BOOKED);
        return (contactId, since, until) -> events.of(contactId).stream()
                .filter(e -> types.containsKey(e.type()) && !e.at().isBefore(since) && !e.at().isAfter(until))
                .map(e -> new Signal(contactId, types.get(e.type()), e.at(), e.reference())).toList();
    }

    /**
     * The replies on the store's timeline: an inbound e-mail ({@link dev.crmkit.core.activity.ActivityType#EMAIL},
     * {@link dev.crmkit.core.activity.Direction#INBOUND}) about the contact that occurred from {@code since} to
     * {@code until} is a {@link SignalType#REPLIED} signal keyed by the activity's id, so a reply logged on the
     * timeline ends a sequence as a recorded {@code reply-received} event does. Public entries only (a private one is
     * its owner's); a contact id that is not a stored contact's id (a UUID) has none. The timeline is read newest
     * first, a page at a time, until an entry older than {@code since}.
     */
    static ContactSignals fromTimeline(dev.crmkit.core.activity.Activities activities) {
        java.util.Objects.requireNonNull(activities, "activities");
        dev.crmkit.core.activity.TimelineFilter emails = dev.crmkit.core.activity.TimelineFilter.everything()
                .ofTypes(dev.crmkit.core.activity.ActivityType.EMAIL);
        return (contactId, since, until) -> {
            java.util.UUID id;
            try {
                id = java.util.UUID.fromString(contactId);
            } catch (IllegalArgumentException notStored) {
                return List.of();
            }
            var record = new dev.crmkit.core.kernel.RecordRef(dev.crmkit.core.kernel.RecordType.CONTACT, id);
            List<Signal> out = new java.util.ArrayList<>();
            var page = activities.timeline(record, emails, dev.crmkit.core.kernel.PageRequest.first(100));
            while (true) {
                for (var a : page.items()) {
                    if (a.occurredAt().isBefore(since)) {
                        return out;
                    }
                    if (!a.occurredAt().isAfter(until) && a.direction() == dev.crmkit.core.activity.Direction.INBOUND) {
                        out.add(new Signal(contactId, SignalType.REPLIED, a.occurredAt(), a.id().value().toString()));
                    }
                }
                if (page.next().isEmpty()) {
                    return out;
                }
                page = activities.timeline(record, emails,
                        dev.crmkit.core.kernel.PageRequest.after(page.next().get(), 100));
            }
        };
    }

    /** These signals and the other's together. */
    default ContactSignals and(ContactSignals other) {
        java.util.Objects.requireNonNull(other, "other");
        return (contactId, since, until) -> {
            List<Signal> all = new java.util.ArrayList<>(of(contactId, since, until));
            all.addAll(other.of(contactId, since, until));
            return all;
        };
    }
}
