package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.EventTrigger;
import dev.crmkit.campaigns.trigger.HostEvent;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event-triggered campaigns of {@code crm campaigns run} on the store's recorded events: the order confirmation
 * (valid 2 days after the order: an order placed after a run is confirmed by the next one, even after one missed run)
 * and the payment reminder (transactional) and the abandoned-cart mail (marketing), each cancelled by a later event of
 * the same reference as {@link EventTrigger} defines, on each contact's calendar (also when a message scheduled
 * before is claimed: {@code Cancellation.ofEvents}). Days missed by earlier runs are caught up for
 * {@value #CATCH_UP_DAYS} days, without what expired or was cancelled since.
 */
final class StoreEvents {

    /** How many days before the run's day a message may have fallen due and still be sent. */
    static final int CATCH_UP_DAYS = 7;

    static final List<EventTrigger> TRIGGERS = List.of(EventTrigger.orderConfirmation(),
            EventTrigger.paymentReminder(), EventTrigger.abandonedCart());

    private StoreEvents() {
    }

    /** The messages due on {@code asOf} (each contact's calendar) from the recorded events of the recipients. */
    static List<DueMessage> due(CampaignEvents events, Map<String, Recipient> recipients, LocalDate asOf) {
        int delay = TRIGGERS.stream().mapToInt(EventTrigger::delayDays).max().orElse(0);
        // a day more on each side than any zone is away from UTC
        List<HostEvent> recorded = events.between(
                asOf.minusDays(CATCH_UP_DAYS + delay + 1L).atStartOfDay(ZoneOffset.UTC).toInstant(),
                asOf.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<String, List<HostEvent>> byContact = new LinkedHashMap<>();
        recorded.forEach(e -> byContact.computeIfAbsent(e.contactId(), id -> new ArrayList<>()).add(e));
        List<DueMessage> out = new ArrayList<>();
        byContact.forEach((contact, own) -> {
            Recipient r = recipients.get(contact);
            if (r != null) {
                for (EventTrigger trigger : TRIGGERS) {
                    out.addAll(trigger.dueBetween(own, r.zone(), asOf.minusDays(CATCH_UP_DAYS), asOf));
                }
            }
        });
        return out;
    }
}
