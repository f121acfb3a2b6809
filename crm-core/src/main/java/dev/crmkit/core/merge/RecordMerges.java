package dev.crmkit.core.merge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of merges of one kind of record ({@link ContactMerges}, {@link CompanyMerges},
 * {@link LeadMerges}). A store implements it over every table it holds that refers to that kind of record, so a merge
 * re-points all of them in the unit of work of the merge and an unmerge puts them back. Every method takes part in the
 * running unit of work.
 *
 * @param <R> the kind of record merged
 * @param <I> its id
 * @param <M> its merge record
 */
public interface RecordMerges<R, I, M extends MergeRecord<R, I>> {

    /**
     * Merges one record away into the survivor: frees what must stay unique (e-mails, phones, a web domain), drops it
     * from lists and counts, makes a read by its id (and by the ids merged into it before) return the survivor, and
     * re-points every record that refers to it, raising the version of each versioned one so that a node holding a
     * copy read before the merge cannot write the old reference back.
     *
     * @param merged   the record merged away, as stored
     * @param survivor the survivor
     * @param merge    the merge this is part of
     * @return every record re-pointed
     */
    List<Repointed> retire(R merged, I survivor, MergeId merge);

    /** Stores a new merge record. */
    void save(M merge);

    /** The merge record with this id. */
    Optional<M> find(MergeId id);

    /**
     * Why the re-pointed records of a merge cannot be put back: one line per record whose version moved on since the
     * merge, that is gone, or (an alias) that no longer resolves to the survivor. Empty when all can be.
     */
    List<String> conflicts(M merge);

    /**
     * Undoes a merge whose {@link #conflicts} are none and whose survivor is still at
     * {@link MergeRecord#survivorVersionAfter()}: the survivor is stored as it was before, the merged-away records
     * exist again as they were, every re-pointed record refers to its record again, each of them at a new version
     * one up from the one it has ({@link UndoSteps}: a version never steps back, so a copy read before or during the
     * merge is stale), the aliases of the merge are gone, every other merge record in force takes the new versions of
     * the records it recorded at their version before this merge, and the record is marked as undone.
     *
     * @return the record marked as undone
     */
    M undo(M merge, Instant at);
}
