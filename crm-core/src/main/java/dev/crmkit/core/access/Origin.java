package dev.crmkit.core.access;

/** Through what an actor acts, as the audit trail records it. */
public enum Origin {
    /** A call of the API by a host on behalf of a user. */
    API,
    /** A bulk import. */
    IMPORT,
    /** A merge of duplicates. */
    MERGE,
    /** Delivery of events by the outbox relay. */
    RELAY,
    /** A scheduled job, such as retention. */
    JOB
}
