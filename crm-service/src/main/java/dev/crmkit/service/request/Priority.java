package dev.crmkit.service.request;

/** How urgent a service request is. */
public enum Priority {
    /** Can wait for the next planned visit. */
    LOW,
    /** The usual. */
    NORMAL,
    /** Soon. */
    HIGH,
    /** The equipment is down. */
    URGENT
}
