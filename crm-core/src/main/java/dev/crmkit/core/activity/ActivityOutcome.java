package dev.crmkit.core.activity;

import java.util.Locale;

/**
 * How a call or a meeting on the timeline ended: a call was answered or missed, a meeting was held or cancelled; the
 * typed tracking signal of a campaign touch: opened, clicked, bounced, unsubscribed, a meeting booked or a purchase
 * after it; and an e-mail that is a reply to a campaign. Other entries have no outcome.
 */
public enum ActivityOutcome {
    /** A call someone answered. */
    ANSWERED(ActivityType.CALL),
    /** A call nobody answered. */
    MISSED(ActivityType.CALL),
    /** A meeting that took place. */
    HELD(ActivityType.MEETING),
    /** A meeting called off; it does not count as held. */
    CANCELLED(ActivityType.MEETING),
    /** A campaign message the contact opened (a tracking signal, what lead scoring reads instead of the subject). */
    OPENED(ActivityType.CAMPAIGN_TOUCH),
    /** A link in a campaign message the contact clicked. */
    CLICKED(ActivityType.CAMPAIGN_TOUCH),
    /** A campaign message that bounced. */
    BOUNCED(ActivityType.CAMPAIGN_TOUCH),
    /** The contact unsubscribed through a campaign message. */
    UNSUBSCRIBED(ActivityType.CAMPAIGN_TOUCH),
    /** The contact booked a meeting from a campaign message (a sequence goal). */
    MEETING_BOOKED(ActivityType.CAMPAIGN_TOUCH),
    /** The contact placed an order after a campaign message (a sequence goal). */
    PURCHASED(ActivityType.CAMPAIGN_TOUCH),
    /** An e-mail from the contact that replies to a campaign message (a sequence goal). */
    REPLIED(ActivityType.EMAIL);

    private final ActivityType type;

    ActivityOutcome(ActivityType type) {
        this.type = type;
    }

    /**
     * Whether this outcome can end an entry of the type: answered and missed a call, held and cancelled a meeting;
     * opened, clicked, bounced, unsubscribed, meeting booked and purchased a campaign touch; replied an e-mail.
     */
    public boolean fits(ActivityType entry) {
        return type == entry;
    }

    /** The type of entry this outcome ends. */
    public ActivityType endsA() {
        return type;
    }

    /** The outcome in lower case, as the {@code crm} program reads and writes it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
