package dev.crmkit.campaigns.tracking;

import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.kernel.RecordRef;

import java.util.Locale;
import java.util.Objects;

/**
 * Tracking signals as entries of crm-core's timeline: a campaign touch (an e-mail for a reply) on the contact or
 * lead, at the signal's time, its subject naming the signal and the campaign ({@code e-mail opened: nurture}). Today's
 * scoring rules recognise opens and clicks by the words {@code open} and {@code click} in a campaign touch's subject,
 * which these subjects carry, so the entries raise the score.
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
        return LogActivity.interaction(reply ? ActivityType.EMAIL : ActivityType.CAMPAIGN_TOUCH,
                reply ? Direction.INBOUND : Direction.OUTBOUND, subject, signal.at(), about);
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
            default:
                return "e-mail " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
