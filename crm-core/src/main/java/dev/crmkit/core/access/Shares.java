package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordRef;

import java.util.List;

/**
 * The port that stores explicit shares: at most one per record and grantee. Writes run in the caller's unit of work
 * (or one of their own). Implementations are thread-safe.
 */
public interface Shares {

    /** Shares a record, replacing the level of an existing share with the same grantee. */
    void grant(Share share);

    /** Removes the share of a record with a grantee; true if there was one. */
    boolean revoke(RecordRef record, Grantee grantee);

    /** The shares of a record, users first then teams, each by id. */
    List<Share> of(RecordRef record);
}
