package dev.crmkit.metrics.team;

/** The kinds of work the activity statistics count. */
public enum ActivityKind {
    /** A phone call. */
    CALL,
    /** An e-mail. */
    EMAIL,
    /** A meeting held. */
    MEETING,
    /** A task, done on time or overdue. */
    TASK,
    /** A deal moved from one stage to another. */
    DEAL_MOVE
}
