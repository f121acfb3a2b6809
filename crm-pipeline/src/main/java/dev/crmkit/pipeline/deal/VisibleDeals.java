package dev.crmkit.pipeline.deal;

import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

/**
 * The port of the deal list that an {@link AccessFilter} restricts: the same list as {@link Deals#find} (the deals
 * passing a {@link DealFilter}, in the order they were created, with the same cursors), holding only the deals the
 * access filter passes by their owner and their shares (record type {@link dev.crmkit.core.kernel.RecordType#DEAL}).
 * A store applies the access filter inside the query, before the page is cut (the in-memory store while it walks its
 * index, the JDBC store as a condition of the SQL before {@code ORDER BY ... LIMIT}), so a page is full whenever
 * enough visible deals follow and paging never leaks a hidden deal. Boards and forecasts read through it, so they count
 * only what the actor may see. The filter comes from {@link dev.crmkit.core.access.AccessPolicy#filter} for
 * {@code DEAL} and {@link dev.crmkit.core.access.Permission#VIEW}; hosts use it through
 * {@code DealPipeline.as(actor)} rather than directly. Implementations are thread-safe.
 */
public interface VisibleDeals {

    /**
     * The deals that pass both filters, in the order they were created (then by id), keyset-paged as
     * {@link Deals#find}.
     */
    Page<Deal> find(DealFilter filter, AccessFilter access, PageRequest page);
}
