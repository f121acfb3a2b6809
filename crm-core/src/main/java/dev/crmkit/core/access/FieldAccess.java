package dev.crmkit.core.access;

/** What a role may do with one field of a record it may see. */
public enum FieldAccess {
    /** The field is left out when the record is shown. */
    HIDDEN,
    /** The field is shown but cannot be changed. */
    READ,
    /** The field is shown and can be changed (the default for every field a role does not name). */
    EDIT
}
