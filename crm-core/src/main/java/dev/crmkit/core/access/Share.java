package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordRef;

import java.util.Objects;

/**
 * An explicit share of one record with a user or a team: it only ever widens access (a share never hides anything
 * the rules grant). At most one share per record and grantee; sharing again replaces the level. Immutable and
 * thread-safe.
 *
 * @param record  the record shared
 * @param grantee who it is shared with
 * @param level   what they may do with it
 */
public record Share(RecordRef record, Grantee grantee, ShareLevel level) {

    /** Validates presence. */
    public Share {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(level, "level");
    }
}
