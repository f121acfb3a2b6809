package dev.crmkit.core.audit;

/** What an audit entry records. */
public enum AuditAction {
    /** A record was created. */
    CREATE,
    /** Fields of a record changed. */
    CHANGE,
    /** Records were exported. */
    EXPORT,
    /** A person's data was erased. */
    ERASE,
    /** Duplicates were merged. */
    MERGE,
    /** Access changed: a user, team, role, default access or share. */
    PERMISSION_CHANGE
}
