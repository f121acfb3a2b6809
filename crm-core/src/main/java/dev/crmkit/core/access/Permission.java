package dev.crmkit.core.access;

/** What an actor may want to do with a record. */
public enum Permission {
    /** See it (and find it in lists, searches and exports of lists). */
    VIEW,
    /** Change its fields. */
    EDIT,
    /** Delete it. */
    DELETE,
    /** Export it in bulk. */
    EXPORT,
    /** Merge it with a duplicate. */
    MERGE,
    /** Give it another owner. */
    ASSIGN;

    /** Whether default access and shares can grant this permission (only viewing and editing). */
    public boolean grantedByDefaultsAndShares() {
        return this == VIEW || this == EDIT;
    }
}
