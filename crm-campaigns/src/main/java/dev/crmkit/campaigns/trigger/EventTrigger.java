package dev.crmkit.campaigns.trigger;

import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign triggered by a host event: {@code delayDays} after the day of the event on the contact's calendar, valid
 * for {@code validDays} more, unless an event of a cancelling type with the same reference came after it by the send
 * day (a payment received cancels its reminder, an order cancels the abandoned-cart mail). One message per event
 * reference. Immutable and thread-safe.
 *
 * @param campaign   the campaign's name
 * @param eventType  the event type that triggers it
 * @param kind       marketing or transactional
 * @param delayDays  days from the event's day to the send day, 0 to 365
 * @param validDays  days the message stays valid after the send day, 0 to 365
 * @param cancelling the event types that cancel it
 */
public record EventTrigger(String campaign, String eventType, MessageKind kind, int delayDays, int validDays,
        Set<String> cancelling) {

    /**
     * Validates the parts.
     *
     * @throws ValidationException naming {@code delayDays} or {@code validDays}
     */
    public EventTrigger {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(kind, "kind");
        cancelling = Set.copyOf(cancelling);
        if (delayDays < 0 || delayDays > 365) {
            throw ValidationException.of("delayDays", "range", "must be from 0 to 365, was " + delayDays);
        }
        if (validDays < 0 || validDays > 365) {
            throw ValidationException.of("validDays", "range", "must be from 0 to 365, was " + validDays);
        }
    }

    /**
     * The order confirmation: transactional, on the day of the order, valid 2 more days. A daily run sees an order
     * placed after it only the next day, so the confirmation must still be valid then; the second day lets it survive
     * one missed run as well (the run of the day after the order missed, the next one still confirms it).
     */
    public static EventTrigger orderConfirmation() {
        return new EventTrigger("order-confirmation", "order-placed", MessageKind.TRANSACTIONAL, 0, 2, Set.of());
    }

    /** The payment reminder: transactional, 3 days after the payment fell due, unless it was paid. */
    public static EventTrigger paymentReminder() {
        return new EventTrigger("payment-reminder", "payment-due", MessageKind.TRANSACTIONAL, 3, 7,
                Set.of("payment-received"));
    }

    /** The abandoned-cart mail: marketing, the day after, valid 3 days, unless the cart was ordered. */
    public static EventTrigger abandonedCart() {
        return new EventTrigger("abandoned-cart", "cart-abandoned", MessageKind.MARKETING, 1, 3,
                Set.of("order-placed"));
    }

    /** The messages due on {@code day} (of the contact's calendar in {@code zone}) from the contact's events. */
    public List<DueMessage> dueOn(Collection<HostEvent> events, ZoneId zone, LocalDate day) {
        return due(events, zone, day, day);
    }

    /**
     * What a run on {@code asOf} that may have missed the days before still sends: the messages whose send day is
     * from {@code from} to {@code asOf} (both included), still valid on {@code asOf}, and not cancelled by an event on
     * or before {@code asOf} (a payment received yesterday cancels the reminder a missed run would have sent on
     * Monday). Days of the contact's calendar in {@code zone}.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code asOf} or more than 366 days before it
     */
    public List<DueMessage> dueBetween(Collection<HostEvent> events, ZoneId zone, LocalDate from, LocalDate asOf) {
        if (from.isAfter(asOf) || from.plusDays(366).isBefore(asOf)) {
            throw new IllegalArgumentException("the catch-up range must run forward over at most 366 days, was "
                    + from + " to " + asOf);
        }
        List<DueMessage> out = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(asOf); day = day.plusDays(1)) {
            due(events, zone, day, asOf).stream().filter(m -> m.sendableOn(asOf)).forEach(out::add);
        }
        return out;
    }

    /**
     * Why a message of this trigger, scheduled before, is now cancelled by the contact's events: an event of a
     * cancelling type with the message's reference (its occurrence) at or after the event that triggered it. Empty
     * when it is not this trigger's message or nothing cancels it. Asked at sending time, so a message deferred (send
     * window, caps) and cancelled meanwhile is never sent.
     *
     * @param events the contact's events (others are ignored)
     */
    public java.util.Optional<String> cancelledBy(DueMessage message, Collection<HostEvent> events) {
        if (!message.campaign().equals(campaign)) {
            return java.util.Optional.empty();
        }
        return events.stream()
                .filter(e -> e.type().equals(eventType) && e.contactId().equals(message.contactId())
                        && e.reference().equals(message.occurrence()))
                .flatMap(e -> events.stream().filter(c -> cancelling.contains(c.type())
                        && c.contactId().equals(e.contactId()) && c.reference().equals(e.reference())
                        && !c.at().isBefore(e.at())))
                .findFirst()
                .map(c -> "cancelled by " + c.type() + " " + c.reference() + " at " + c.at());
    }

    private List<DueMessage> due(Collection<HostEvent> events, ZoneId zone, LocalDate day, LocalDate cancelledBy) {
        List<DueMessage> out = new ArrayList<>();
        for (HostEvent e : events) {
            if (!e.type().equals(eventType) || !e.at().atZone(zone).toLocalDate().plusDays(delayDays).equals(day)) {
                continue;
            }
            boolean cancelled = events.stream().anyMatch(c -> cancelling.contains(c.type())
                    && c.contactId().equals(e.contactId()) && c.reference().equals(e.reference())
                    && !c.at().isBefore(e.at()) && !c.at().atZone(zone).toLocalDate().isAfter(cancelledBy));
            if (!cancelled) {
                out.add(new DueMessage(e.contactId(), campaign, 1, e.reference(), day, day.plusDays(validDays), kind));
            }
        }
        return out;
    }
}
