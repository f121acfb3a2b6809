package dev.crmkit.campaigns.cap;

/** The windows a frequency cap counts in, on the contact's calendar. */
public enum CapWindow {
    /** One calendar day. */
    DAY,
    /** Monday to Sunday. */
    WEEK,
    /** One calendar month. */
    MONTH
}
