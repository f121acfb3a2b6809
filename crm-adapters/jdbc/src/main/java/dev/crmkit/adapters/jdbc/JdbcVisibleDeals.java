package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.VisibleDeals;

import java.util.Objects;

/**
 * The deal list restricted by an access filter, in a relational database: the filter is the {@link AccessSql}
 * fragment ({@code d.owner_id IN (...) OR EXISTS (SELECT 1 FROM access_share ...)}) ANDed into {@link JdbcDeals}'s list
 * query before its keyset condition, {@code ORDER BY} and {@code LIMIT}. The owner part is served by the index
 * {@code deal_owner (pipeline_id, owner_id, created_at, seq)}, the share part by the primary key of
 * {@code access_share}, and the page by the list's own index ({@code deal_pipeline}, {@code deal_stage}, ...), so no
 * page is filtered in Java and no migration is needed. Thread-safe.
 */
final class JdbcVisibleDeals implements VisibleDeals {

    private final JdbcDeals deals;
    private final AccessSql access;

    JdbcVisibleDeals(Jdbc jdbc, JdbcDeals deals) {
        this.deals = Objects.requireNonNull(deals, "deals");
        this.access = new AccessSql(jdbc.tables);
    }

    @Override
    public Page<Deal> find(DealFilter filter, AccessFilter visible, PageRequest page) {
        return deals.find(filter, access.where(visible, RecordType.DEAL, "d.id", "d.owner_id"), page);
    }
}
