package dev.crmkit.core.privacy;

/** A channel a person may consent to be marketed on. */
public enum ConsentChannel {
    /** E-mail. */
    EMAIL,
    /** Text messages. */
    SMS,
    /** Phone calls. */
    PHONE,
    /** Letters. */
    POST,
    /** Messenger apps. */
    MESSENGER
}
