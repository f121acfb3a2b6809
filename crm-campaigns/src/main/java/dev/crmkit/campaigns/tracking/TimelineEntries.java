package dev.crmkit.campaigns.tracking;

import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.kernel.RecordRef;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Tracking signals as entries of crm-core's timeline: a campaign touch (an e-mail for a reply) on the contact or
 * lead, at the signal's time, its subject naming the signal and the campaign ({@code e-mail opened: nurture}). Opens,
 * clicks, bounces, unsubscribes, booked meetings and purchases carry the signal typed as the touch's
 * {@link ActivityOutcome} ({@code OPENED}, {@code CLICKED}, {@code BOUNCED}, {@code UNSUBSCRIBED},
 * {@code MEETING_BOOKED}, {@code PURCHASED}), which crm-core's scoring rules read; the subject is for people. A reply
 * is an inbound e-mail with the outcome {@code REPLIED}. Sent and delivered have no outcome.
 */
public final class TimelineEntries {

    private TimelineEntries() {
    }

    /** The timeline entry of a signal about the record, from the campaign. */
    public static LogActivity of(Signal signal, String campaign, RecordRef about) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(about, "about");
        boolean reply = signal.type() == SignalType.REPLIED;
        String subject = subject(signal.type()) + ": " + campaign;
        LogActivity entry = LogActivity.interaction(reply ? ActivityType.EMAIL : ActivityType.CAMPAIGN_TOUCH,
                reply ? Direction.INBOUND : Direction.OUTBOUND, subject, signal.at(), about);
        Optional<ActivityOutcome> outcome = outcome(signal.type());
        return outcome.isEmpty() ? entry : new LogActivity(entry.type(), entry.subject(), entry.body(),
                entry.direction(), entry.occurredAt(), entry.participants(), entry.about(), entry.owner(),
                entry.visibility(), outcome, Optional.empty());
    }

    /** The typed signal of a campaign touch, for the signals crm-core's timeline has an outcome for. */
    static Optional<ActivityOutcome> outcome(SignalType type) {
        switch (type) {
            case OPENED:
                return Optional.of(ActivityOutcome.OPENED);
            case CLICKED:
                return Optional.of(ActivityOutcome.CLICKED);
            case BOUNCED:
                return Optional.of(ActivityOutcome.BOUNCED);
            case UNSUBSCRIBED:
                return Optional.of(ActivityOutcome.UNSUBSCRIBED);
            case MEETING_BOOKED:
                return Optional.of(ActivityOutcome.MEETING_BOOKED);
            case PURCHASED:
                return Optional.of(ActivityOutcome.PURCHASED);
            case REPLIED:
                return Optional.of(ActivityOutcome.REPLIED);
            default:
                return Optional.empty();
        }
    }

    private static String subject(SignalType type) {
        switch (type) {
            case OPENED:
                return "e-mail opened";
            case CLICKED:
                return "link clicked";
            case REPLIED:
                return "reply received";
            case MEETING_BOOKED:
                return "meeting booked";
            case PURCHASED:
                return "purchase after campaign";
            case STAGE_REACHED:
                return "stage reached after campaign";
            default:
                return "e-mail " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
