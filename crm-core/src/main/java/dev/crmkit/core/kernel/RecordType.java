package dev.crmkit.core.kernel;

/** The kinds of record that activities, tasks and custom fields can belong to. */
public enum RecordType {
    /** A person. */
    CONTACT,
    /** A company. */
    COMPANY,
    /** A lead. */
    LEAD,
    /** A deal in a pipeline. */
    DEAL,
    /** A task; its owner, for access, is its assignee. */
    TASK
}
