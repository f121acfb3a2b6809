package dev.crmkit.core.access;

/** Which records a role's permission reaches; each scope reaches everything the narrower ones do. */
public enum Scope {
    /** None. */
    NONE,
    /** The records the user owns, and those owned by users whose role reports to theirs (at any depth). */
    OWN,
    /** Those of {@link #OWN}, and the records owned by members of the user's team and of the teams below it. */
    TEAM,
    /** Every record of the type. */
    EVERYTHING;

    /** Whether this scope reaches at least as far as another. */
    public boolean covers(Scope other) {
        return compareTo(other) >= 0;
    }
}
