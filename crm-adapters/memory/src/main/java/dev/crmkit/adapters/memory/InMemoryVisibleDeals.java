package dev.crmkit.adapters.memory;

import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.VisibleDeals;

import java.util.Objects;

/**
 * The deal list restricted by an access filter, in memory: the filter (owner, then the deal's shares) is tested on
 * each deal while the list's index (pipeline, or pipeline and stage) is walked, before the page is cut, so pages are
 * full and cursors are those of the unrestricted list. Thread-safe.
 */
final class InMemoryVisibleDeals implements VisibleDeals {

    private final InMemoryDeals deals;
    private final InMemoryShares shares;

    InMemoryVisibleDeals(InMemoryDeals deals, InMemoryShares shares) {
        this.deals = deals;
        this.shares = shares;
    }

    @Override
    public Page<Deal> find(DealFilter filter, AccessFilter access, PageRequest page) {
        Objects.requireNonNull(access, "access");
        return deals.find(filter, d -> shares.passes(access, new RecordRef(RecordType.DEAL, d.id().value()),
                d.owner()), page);
    }
}
