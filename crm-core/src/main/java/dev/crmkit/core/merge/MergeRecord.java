package dev.crmkit.core.merge;

import dev.crmkit.core.activity.ActivityId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What every merge record says, whatever kind of record it merged ({@link ContactMerge}, {@link CompanyMerge},
 * {@link LeadMerge}): the survivor as it was, the merged-away records as they were, and every record re-pointed.
 * Implementations are immutable and thread-safe.
 *
 * @param <R> the kind of record merged
 * @param <I> its id
 */
public interface MergeRecord<R, I> {

    /** The merge's identity. */
    MergeId id();

    /** The survivor as it was stored before the merge. */
    R survivorBefore();

    /** The survivor's stored version right after the merge. */
    long survivorVersionAfter();

    /** The merged-away records as they were stored before the merge, at least one. */
    List<R> mergedAway();

    /** The records re-pointed from a merged-away record to the survivor. */
    List<Repointed> repointed();

    /** The merge's entry on the survivor's timeline. */
    ActivityId activityId();

    /** When it was merged. */
    Instant mergedAt();

    /** When it was undone, if it was. */
    Optional<Instant> undoneAt();

    /** The survivor. */
    I survivor();

    /** The ids of the merged-away records, in the order they were merged. */
    List<I> mergedIds();
}
