package dev.crmkit.core.activity;

/** Who may see a timeline entry. */
public enum Visibility {
    /** Everyone who may see the record. */
    PUBLIC,
    /** Only its owner. */
    PRIVATE
}
