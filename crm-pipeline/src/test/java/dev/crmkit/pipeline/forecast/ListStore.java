package dev.crmkit.pipeline.forecast;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A minimal list-backed store of pipelines and deals for the forecast tests: keyset pages whose cursor is the index of
 * the last item. Not thread-safe; the real stores are tested by the contract suite.
 */
final class ListStore implements Pipelines, Deals {

    private final List<Pipeline> pipelines = new ArrayList<>();
    private final List<Deal> deals = new ArrayList<>();

    @Override
    public Pipeline insert(Pipeline pipeline) {
        Pipeline stored = pipeline.atVersion(1);
        pipelines.add(stored);
        return stored;
    }

    @Override
    public Pipeline update(Pipeline pipeline) {
        throw new UnsupportedOperationException("not needed by the forecast tests");
    }

    @Override
    public Optional<Pipeline> findById(PipelineId id) {
        return pipelines.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Pipeline> findByName(String name) {
        return pipelines.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Pipeline> findRevision(PipelineId id, long version) {
        return findById(id).filter(p -> p.version() == version);
    }

    @Override
    public Page<Pipeline> findAll(PageRequest page) {
        return page(pipelines, page);
    }

    @Override
    public void setDefault(PipelineId id) {
        throw new UnsupportedOperationException("not needed by the forecast tests");
    }

    @Override
    public Optional<PipelineId> findDefault() {
        return Optional.empty();
    }

    @Override
    public Deal insert(Deal deal) {
        Deal stored = deal.atVersion(1);
        deals.add(stored);
        return stored;
    }

    @Override
    public Deal update(Deal deal) {
        throw new UnsupportedOperationException("not needed by the forecast tests");
    }

    @Override
    public Optional<Deal> findById(DealId id) {
        return deals.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Deal> lockById(DealId id) {
        return findById(id);
    }

    @Override
    public Page<Deal> find(DealFilter filter, PageRequest page) {
        return page(deals.stream().filter(filter::accepts).toList(), page);
    }

    private static <T> Page<T> page(List<T> all, PageRequest request) {
        int from = request.after().map(Integer::parseInt).orElse(0);
        int to = Math.min(all.size(), from + request.size());
        return new Page<>(all.subList(from, to), to < all.size() ? Optional.of(Integer.toString(to))
                : Optional.empty());
    }
}
