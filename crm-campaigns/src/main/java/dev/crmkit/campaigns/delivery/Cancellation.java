package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.sequence.EnrollmentStatus;
import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.EventTrigger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a message already in the ledger must no longer go out, asked by {@link CampaignRun#withCancellation} at sending
 * time for every message it claims: a message cancelled after it was scheduled (a payment received for the invoice of
 * a deferred reminder, an order for the cart of a deferred abandoned-cart mail, a goal that ended the enrollment of a
 * sequence message) is held back for good with the reason as its outcome. It reads the shared stores when the message
 * is claimed, so whichever node claims it sees the cancellation. Implementations are thread-safe if the stores are.
 */
@FunctionalInterface
public interface Cancellation {

    /** The reason the message is cancelled, empty if it may still go out. */
    Optional<String> reason(DueMessage message);

    /** This cancellation, or else {@code other}'s. */
    default Cancellation or(Cancellation other) {
        Objects.requireNonNull(other, "other");
        return m -> reason(m).or(() -> other.reason(m));
    }

    /**
     * Cancels a message of one of the triggers when the contact's stored events now cancel it
     * ({@link EventTrigger#cancelledBy}).
     */
    static Cancellation ofEvents(List<EventTrigger> triggers, CampaignEvents events) {
        List<EventTrigger> copy = List.copyOf(triggers);
        Objects.requireNonNull(events, "events");
        return m -> {
            for (EventTrigger t : copy) {
                if (t.campaign().equals(m.campaign())) {
                    Optional<String> reason = t.cancelledBy(m, events.of(m.contactId()));
                    if (reason.isPresent()) {
                        return reason;
                    }
                }
            }
            return Optional.empty();
        };
    }

    /**
     * Cancels a message a {@link SequenceRunner} scheduled (occurrence {@code <sequence>@<enrollment start>}) once its
     * enrollment ended on a goal: what the goal made pointless is not sent.
     */
    static Cancellation ofSequences(Enrollments enrollments) {
        Objects.requireNonNull(enrollments, "enrollments");
        return m -> {
            int at = m.occurrence().lastIndexOf('@');
            if (at <= 0) {
                return Optional.empty();
            }
            Instant start;
            try {
                start = Instant.parse(m.occurrence().substring(at + 1));
            } catch (DateTimeParseException notASequenceMessage) {
                return Optional.empty();
            }
            return enrollments.of(m.contactId(), m.occurrence().substring(0, at)).stream()
                    .filter(e -> e.enrolledAt().equals(start) && e.status() == EnrollmentStatus.GOAL_REACHED)
                    .findFirst().map(e -> "cancelled: the enrollment ended, " + e.endReason());
        };
    }
}
