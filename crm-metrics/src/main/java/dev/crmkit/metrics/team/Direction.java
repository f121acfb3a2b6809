package dev.crmkit.metrics.team;

/** Which way a call or an e-mail went, seen from the business. */
public enum Direction {
    /** From the customer: an inbound call, an e-mail received. */
    IN,
    /** To the customer: an outbound call, an e-mail sent. */
    OUT
}
