package dev.crmkit.core.activity;

/** Which way an interaction went. */
public enum Direction {
    /** From the customer to the business. */
    INBOUND,
    /** From the business to the customer. */
    OUTBOUND,
    /** Inside the business, or recorded by the system. */
    INTERNAL
}
