package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

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
