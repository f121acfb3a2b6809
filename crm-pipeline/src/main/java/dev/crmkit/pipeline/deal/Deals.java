package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

import java.util.Objects;
import java.util.Optional;

/** The storage port for deals, with optimistic versions. */
public interface Deals {

    /**
     * Stores a new deal at version 1.
     *
     * @param deal a deal at version 0
     * @return the stored deal at version 1
     * @throws IllegalArgumentException if its version is not 0 or its id is taken
     */
    Deal insert(Deal deal);

    /**
     * Stores a change of a deal read at {@code deal.version()}.
     *
     * @return the deal at its new version
     * @throws dev.crmkit.core.kernel.StaleVersionException if the stored version is another one; nothing changed
     * @throws java.util.NoSuchElementException             if no such deal is stored
     */
    Deal update(Deal deal);

    /**
     * Stores a change of a deal read at {@code deal.version()} together with the stage history entry of the version
     * it produces (a move, or a stage remapped by a pipeline revision), in the running unit of work. The default is
     * {@link #update} and then {@code history.append(entry)}, so a store that implements only those behaves as
     * before; a store may write both at once (crmkit's JDBC store does, into its own stage history, in one statement
     * on PostgreSQL). A stale version is refused as {@link #update} refuses it, before the entry is written.
     * <p>
     * The default is not atomic by itself: it makes two writes of the caller's unit of work, and when
     * {@code history.append} refuses the entry the deal's update has already been written. Only the rollback of the
     * unit around it undoes both, so a caller that catches the refusal and lets its unit commit keeps the deal changed
     * without its entry. (crmkit's JDBC store, writing into its own stage history, undoes the update with the refused
     * entry; the deal pipeline always ends its unit on a refusal.)
     *
     * @param deal    the changed deal, at the version it was read at
     * @param entry   its stage history entry, for this deal and version {@code deal.version() + 1}
     * @param history the stage history port the entry goes to
     * @return the deal at its new version
     * @throws IllegalArgumentException                     if the entry is for another deal or version (rule
     *                                                      {@code entry.dealId}/{@code entry.dealVersion}; nothing
     *                                                      written), or {@link StageHistory#append} refuses it
     * @throws dev.crmkit.core.kernel.StaleVersionException if the stored version is another one; nothing written
     * @throws java.util.NoSuchElementException             if no such deal is stored
     */
    default Deal updateWithHistory(Deal deal, StageHistoryEntry entry, StageHistory history) {
        checkEntryOf(deal, entry);
        Objects.requireNonNull(history, "history");
        Deal stored = update(deal);
        history.append(entry);
        return stored;
    }

    /**
     * {@link #updateWithHistory} for the one caller that ends its unit of work on any refusal: the unit's own first and
     * only checked write, begun by the caller, whose refusal the caller handles only after the unit rolled back (the
     * deal pipeline's move). The store may send the write later, with the unit's next statement or its commit: crmkit's
     * JDBC store on PostgreSQL does so in a unit that owns its transaction, sending the update, the entry and the
     * unit's last writes with the COMMIT in one round trip. A refusal (a stale version, a taken entry) is then thrown
     * by the unit's next call that reaches the database, or by its commit, and the whole unit rolls back, its events
     * undelivered; nothing of it is written. By default the same as {@link #updateWithHistory}.
     *
     * @param deal    the changed deal, at the version it was read at
     * @param entry   its stage history entry, for this deal and version {@code deal.version() + 1}
     * @param history the stage history port the entry goes to
     * @return the deal at its new version (as the store will hold it once the write went through)
     * @throws IllegalArgumentException                     as {@link #updateWithHistory} (the taken entry possibly
     *                                                      from a later call of the unit, or its commit)
     * @throws dev.crmkit.core.kernel.StaleVersionException as {@link #updateWithHistory}, possibly from a later call
     *                                                      of the unit, or its commit; nothing of the unit written;
     *                                                      also for the deal's pipeline (record type
     *                                                      {@code pipeline}) when the unit's pipeline revision came
     *                                                      from {@code Pipelines.findByIdCheckedByDealWrite} unread
     *                                                      and the pipeline was revised since
     * @throws java.util.NoSuchElementException             as {@link #updateWithHistory}, possibly later as above
     */
    default Deal updateWithHistoryLast(Deal deal, StageHistoryEntry entry, StageHistory history) {
        return updateWithHistory(deal, entry, history);
    }

    /**
     * {@link #updateWithHistoryLast} for a move of a deal read in the running unit: {@code moved} is {@code stored}
     * (the deal as read) with only its stage fields changed (stage, the time it was entered, its probability and
     * override, the lost reason, the won and lost times, the time of the change). A store may then write just those
     * fields, provided it refuses the update as stale unless the row still is the one read, the other fields as
     * {@code stored} has them. A version alone does not prove that (a merge's undo lowers a deal's version again):
     * crmkit's JDBC store on PostgreSQL checks the version and the time of the last change ({@code updatedAt}), which
     * every change of the deal's own fields sets. When {@code moved} differs in another field too, every field is
     * written. By default {@link #updateWithHistoryLast} of {@code moved}, which writes every field. A deal its caller
     * holds may carry the caller's own changes, which the move's rules checked and which must be stored: its move goes
     * to {@link #updateWithHistoryLast}, not here.
     *
     * @param stored  the deal as read in the running unit, at {@code moved}'s version
     * @param moved   the deal as the move changed it, at that version
     * @param entry   its stage history entry, for this deal and version {@code moved.version() + 1}
     * @param history the stage history port the entry goes to
     * @return the deal at its new version, as {@link #updateWithHistoryLast} returns it
     */
    default Deal moveWithHistoryLast(Deal stored, Deal moved, StageHistoryEntry entry, StageHistory history) {
        return updateWithHistoryLast(moved, entry, history);
    }

    /**
     * Refuses a stage history entry that is not the one of the version {@link #updateWithHistory} would store.
     *
     * @throws IllegalArgumentException naming the entry's field that does not match
     */
    static void checkEntryOf(Deal deal, StageHistoryEntry entry) {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(entry, "entry");
        if (!entry.dealId().equals(deal.id())) {
            throw new IllegalArgumentException("entry.dealId must be the deal's id " + deal.id() + ", got "
                    + entry.dealId());
        }
        if (entry.dealVersion() != deal.version() + 1) {
            throw new IllegalArgumentException("entry.dealVersion must be the version the update produces ("
                    + (deal.version() + 1) + "), got " + entry.dealVersion());
        }
    }

    /** The deal with this id. */
    Optional<Deal> findById(DealId id);

    /**
     * The deal with this id, held for the running unit of work: another unit of work that locks or changes the same
     * deal waits until this one ends. A change made through an actor's view ({@code DealPipeline.as(actor)}) decides
     * and changes under this lock. A store whose units of work run one at a time already holds everything; outside a
     * unit of work it is a plain read.
     */
    Optional<Deal> lockById(DealId id);

    /**
     * The deals that pass the filter, in the order they were created (then by id as an unsigned 128-bit number, the
     * order of the lower-case UUID strings), keyset-paged.
     */
    Page<Deal> find(DealFilter filter, PageRequest page);
}
