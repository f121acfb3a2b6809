package dev.crmkit.core.access;

/** What a share lets its grantee do. */
public enum ShareLevel {
    /** View the record. */
    READ,
    /** View and edit the record. */
    READ_WRITE;

    /** Whether a share of this level grants a permission. */
    public boolean grants(Permission permission) {
        return permission == Permission.VIEW || permission == Permission.EDIT && this == READ_WRITE;
    }
}
