package dev.crmkit.core.task;

/** Where a task stands. Only open tasks can be changed. */
public enum TaskStatus {
    /** To be done. */
    OPEN,
    /** Done. */
    DONE,
    /** Will not be done. */
    CANCELLED
}
