package dev.crmkit.core.duplicate;

/** What a duplicate rule does when a new or edited record looks like a stored one. */
public enum DuplicateAction {
    /** Save it; nothing is recorded (the default, as before duplicate rules existed). */
    ALLOW,
    /** Save it, and record the suspected duplicate for the owner: a timeline entry and, with an owner, a task. */
    ALERT,
    /** Refuse it, naming the stored records that look like it and their scores; nothing is stored. */
    BLOCK
}
