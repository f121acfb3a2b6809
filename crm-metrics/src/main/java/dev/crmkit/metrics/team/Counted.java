package dev.crmkit.metrics.team;

/** What a count target counts. */
public enum Counted {
    /** Deals won, by the day they were won. */
    DEALS_WON,
    /** Meetings held. */
    MEETINGS_HELD,
    /** Outbound calls. */
    CALLS_MADE
}
