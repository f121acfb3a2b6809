package dev.crmkit.core.activity;

/** The kinds of timeline entry. */
public enum ActivityType {
    /** A phone call. */
    CALL,
    /** An e-mail. */
    EMAIL,
    /** A chat message. */
    CHAT_MESSAGE,
    /** A meeting. */
    MEETING,
    /** A note someone wrote. */
    NOTE,
    /** A visit to the web site. */
    WEB_VISIT,
    /** A touch by a marketing campaign (an ad click, a newsletter open). */
    CAMPAIGN_TOUCH,
    /** A proposal or offer sent. */
    PROPOSAL,
    /** A support ticket. */
    SUPPORT_TICKET,
    /** Something crmkit recorded itself: a lead captured, a duplicate folded, a status changed. */
    SYSTEM
}
