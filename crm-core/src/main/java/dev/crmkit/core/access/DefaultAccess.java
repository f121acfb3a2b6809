package dev.crmkit.core.access;

/**
 * What every user may do with a record of a type regardless of their role's scopes (Salesforce's organization-wide
 * default). A default only widens what roles grant; it never narrows.
 */
public enum DefaultAccess {
    /** Nothing beyond the role scopes and shares. */
    PRIVATE,
    /** Members of the owner's team, and of the teams above it, may view. */
    TEAM_READ,
    /** Members of the owner's team, and of the teams above it, may view and edit. */
    TEAM_READ_WRITE,
    /** Every user may view. */
    PUBLIC_READ,
    /** Every user may view and edit. */
    PUBLIC_READ_WRITE;

    /** Whether it lets the owner's team do this (view, or edit for the read-write ones). */
    boolean team(Permission permission) {
        return this != PRIVATE && grants(permission);
    }

    /** Whether it lets every user do this. */
    boolean everyone(Permission permission) {
        return (this == PUBLIC_READ || this == PUBLIC_READ_WRITE) && grants(permission);
    }

    private boolean grants(Permission permission) {
        return permission == Permission.VIEW
                || permission == Permission.EDIT && (this == TEAM_READ_WRITE || this == PUBLIC_READ_WRITE);
    }
}
