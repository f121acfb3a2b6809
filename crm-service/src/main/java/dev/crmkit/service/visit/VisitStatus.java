package dev.crmkit.service.visit;

/** Where a visit is in its life. */
public enum VisitStatus {
    /** In the engineer's calendar. */
    SCHEDULED,
    /** Done, with its completion report. */
    COMPLETED,
    /** Called off; it no longer holds the calendar. */
    CANCELLED
}
