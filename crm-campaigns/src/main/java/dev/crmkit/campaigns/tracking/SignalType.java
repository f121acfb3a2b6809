package dev.crmkit.campaigns.tracking;

/** The kinds of tracking signal a channel or the host reports about a contact. */
public enum SignalType {
    /** A message was handed to the channel. */
    SENT,
    /** The channel delivered it. */
    DELIVERED,
    /** The contact opened it. */
    OPENED,
    /** The contact clicked a link in it. */
    CLICKED,
    /** The contact replied. */
    REPLIED,
    /** It bounced. */
    BOUNCED,
    /** The contact unsubscribed. */
    UNSUBSCRIBED,
    /** The contact booked a meeting. */
    MEETING_BOOKED,
    /** The contact placed an order. */
    PURCHASED,
    /** The contact's lead or deal entered a stage the host reported (a {@code stage-entered} event). */
    STAGE_REACHED
}
