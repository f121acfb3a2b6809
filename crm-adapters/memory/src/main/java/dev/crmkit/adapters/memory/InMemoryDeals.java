package dev.crmkit.adapters.memory;

import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.definition.PipelineId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Deals in memory, indexed by pipeline and by stage, in creation order. Thread-safe. */
final class InMemoryDeals implements Deals {

    private static final String PIPELINE = "pipeline";
    private static final String STAGE = "stage";

    private final Table<DealId, Deal> table;

    /**
     * The deal, nothing else changed, last changed at {@code at} or at its own time where that is later: as a merge's
     * undo puts it back ({@link UndoSteps#changedAt}).
     */
    static Deal changedAt(Deal deal, Instant at) {
        return deal.withCustomFields(deal.customFields(), UndoSteps.changedAt(at, deal.updatedAt()));
    }

    private record StageKey(PipelineId pipeline, String stage) {
    }

    InMemoryDeals(InMemoryTransactions tx) {
        this.table = new Table<DealId, Deal>("deal", tx, Deal::id, Deal::version, Deal::atVersion,
                InMemoryDeals::creation)
                .group(PIPELINE, Deal::pipelineId, p -> List.of(p), InMemoryDeals::creation) // a move: not worked out
                .group(STAGE, d -> List.of(new StageKey(d.pipelineId(), d.stage())), InMemoryDeals::creation);
    }

    private static Instant creation(Deal d) {
        return d.createdAt();
    }

    @Override
    public Deal insert(Deal deal) {
        return table.insert(Objects.requireNonNull(deal, "deal"));
    }

    @Override
    public Deal update(Deal deal) {
        return table.update(Objects.requireNonNull(deal, "deal"));
    }

    @Override
    public Optional<Deal> findById(DealId id) {
        return table.get(id);
    }

    /** Units of work run one at a time here, so the running one already holds every deal. */
    @Override
    public Optional<Deal> lockById(DealId id) {
        return findById(id);
    }

    @Override
    public Page<Deal> find(DealFilter filter, PageRequest page) {
        return find(filter, d -> true, page);
    }

    /**
     * The deals passing the filter and {@code also}, which is tested on each deal the index walk reaches, before the
     * page is cut (an access filter: see {@link InMemoryVisibleDeals}).
     */
    Page<Deal> find(DealFilter filter, Predicate<Deal> also, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        Predicate<Deal> passes = d -> filter.accepts(d) && also.test(d);
        if (filter.stage().isPresent()) {
            return table.page(STAGE, new StageKey(filter.pipeline(), filter.stage().get()), page, false, passes);
        }
        return table.page(PIPELINE, filter.pipeline(), page, false, passes);
    }

    /** The rows, for merges, which re-point them. */
    Table<DealId, Deal> rows() {
        return table;
    }

    /** The archive of the deal rows, keyed by id: export and restore only. */
    MemoryArchive<Deal> archive(InMemoryTransactions tx) {
        return MemoryArchive.of(tx, "deal", table, Deal::id, k -> new DealId(UUID.fromString(k)));
    }
}
