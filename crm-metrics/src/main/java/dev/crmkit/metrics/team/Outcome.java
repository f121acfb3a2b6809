package dev.crmkit.metrics.team;

/** How a call or a task ended. */
public enum Outcome {
    /** A call someone answered. */
    ANSWERED,
    /** A call nobody answered. */
    MISSED,
    /** A task done by its due time. */
    DONE,
    /** A task done late, or still open after its due time. */
    OVERDUE;

    /** Whether this outcome can end an activity of the kind: answered, missed for calls; done, overdue for tasks. */
    public boolean fits(ActivityKind kind) {
        return kind == ActivityKind.CALL ? this == ANSWERED || this == MISSED
                : kind == ActivityKind.TASK && (this == DONE || this == OVERDUE);
    }
}
