package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

/** The append-only storage port of the stage history. */
public interface StageHistory {

    /**
     * Stores an entry.
     *
     * @throws IllegalArgumentException if its id is already stored, or the deal already has an entry for its
     *                                  {@link StageHistoryEntry#dealVersion()}
     */
    void append(StageHistoryEntry entry);

    /**
     * The entries of a deal, oldest first: by {@link StageHistoryEntry#dealVersion()}, which is unique per deal,
     * keyset-paged.
     */
    Page<StageHistoryEntry> ofDeal(DealId dealId, PageRequest page);
}
