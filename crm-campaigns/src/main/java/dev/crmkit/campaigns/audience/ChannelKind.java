package dev.crmkit.campaigns.audience;

/** The channels a contact can be reached on, each with its own do-not-contact entries. */
public enum ChannelKind {
    /** E-mail. */
    EMAIL,
    /** Text messages. */
    SMS,
    /** Messenger apps, through a port the host implements. */
    MESSENGER
}
