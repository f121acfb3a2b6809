package dev.crmkit.pipeline.forecast;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.definition.ForecastCategory;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Pipelines;
import dev.crmkit.pipeline.definition.Stage;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The board and forecast use case: reads deals page by page through the {@link Deals} port and sums them. Thread-safe.
 */
public final class Forecasts {

    private static final int PAGE = 500;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Pipelines pipelines;
    private final Deals deals;

    /** Wires the use case; {@code DealPipeline} does this for you. */
    public Forecasts(Pipelines pipelines, Deals deals) {
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
        this.deals = Objects.requireNonNull(deals, "deals");
    }

    /**
     * The board of the filter's pipeline: per stage, in stage order, the number of deals passing the filter and the
     * sum of their amounts per currency. A filter's stage narrows the board to that column's deals.
     *
     * @throws ValidationException if there is no such pipeline
     */
    public Board board(DealFilter filter) {
        Pipeline pipeline = require(filter.pipeline());
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, MoneyTotals> totals = new HashMap<>();
        for (Stage s : pipeline.definition().stages()) {
            counts.put(s.name(), new long[1]);
            totals.put(s.name(), MoneyTotals.none());
        }
        walk(filter, deal -> {
            long[] count = counts.get(deal.stage());
            if (count != null) {
                count[0]++;
                deal.amount().ifPresent(a -> totals.merge(deal.stage(), MoneyTotals.none().plus(a),
                        MoneyTotals::plus));
            }
        });
        List<BoardColumn> columns = new ArrayList<>();
        for (Stage s : pipeline.definition().stages()) {
            columns.add(new BoardColumn(s, counts.get(s.name())[0], totals.get(s.name())));
        }
        return new Board(pipeline, columns);
    }

    /** The deals passing the filter, as a list, in the order they were created. */
    public Page<Deal> list(DealFilter filter, PageRequest page) {
        return deals.find(filter, page);
    }

    /**
     * The weighted forecast over the pipelines given, or over every pipeline when none is given.
     *
     * @param only  the pipelines to include; empty for all
     * @param owner only deals of this owner, when present
     */
    public WeightedForecast weighted(List<PipelineId> only, Optional<UserId> owner) {
        Objects.requireNonNull(owner, "owner");
        List<Pipeline> included = new ArrayList<>();
        if (only.isEmpty()) {
            PageRequest request = PageRequest.first(PAGE);
            while (true) {
                Page<Pipeline> page = pipelines.findAll(request);
                included.addAll(page.items());
                Optional<PageRequest> next = request.next(page);
                if (next.isEmpty()) {
                    break;
                }
                request = next.get();
            }
        } else {
            only.forEach(id -> included.add(require(id)));
        }
        Sums sums = new Sums();
        for (Pipeline p : included) {
            DealFilter filter = DealFilter.pipeline(p.id());
            walk(owner.map(filter::ownedBy).orElse(filter), deal -> sums.add(p, deal));
        }
        return sums.result();
    }

    private void walk(DealFilter filter, Consumer<Deal> each) {
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<Deal> page = deals.find(filter, request);
            page.items().forEach(each);
            Optional<PageRequest> next = request.next(page);
            if (next.isEmpty()) {
                return;
            }
            request = next.get();
        }
    }

    private Pipeline require(PipelineId id) {
        return pipelines.findById(Objects.requireNonNull(id, "pipeline")).orElseThrow(() ->
                ValidationException.of("pipeline", "exists", "there is no pipeline " + id));
    }

    /** The running sums of a weighted forecast. */
    private static final class Sums {
        private final Map<YearMonth, MoneyTotals> byMonth = new HashMap<>();
        private final Map<UserId, MoneyTotals> byOwner = new HashMap<>();
        private MoneyTotals unowned = MoneyTotals.none();
        private final Map<PipelineId, MoneyTotals> byPipeline = new HashMap<>();
        private final Map<ForecastCategory, MoneyTotals> categories = new HashMap<>();

        void add(Pipeline pipeline, Deal deal) {
            if (deal.amount().isEmpty()) {
                return;
            }
            Money amount = deal.amount().get();
            BigDecimal weighted = amount.amount().multiply(BigDecimal.valueOf(deal.probability()))
                    .divide(HUNDRED);
            MoneyTotals w = MoneyTotals.none().plus(amount.currency(), weighted);
            deal.expectedCloseDate().ifPresent(d -> byMonth.merge(YearMonth.from(d), w, MoneyTotals::plus));
            if (deal.owner().isPresent()) {
                byOwner.merge(deal.owner().get(), w, MoneyTotals::plus);
            } else {
                unowned = unowned.plus(w);
            }
            byPipeline.merge(pipeline.id(), w, MoneyTotals::plus);
            Optional<Stage> stage = pipeline.definition().stage(deal.stage());
            ForecastCategory category = stage.map(Stage::category).orElse(ForecastCategory.OMITTED);
            for (ForecastCategory total : List.of(ForecastCategory.CLOSED, ForecastCategory.COMMIT,
                    ForecastCategory.BEST_CASE, ForecastCategory.PIPELINE)) {
                if (category.countsIn(total)) {
                    categories.merge(total, MoneyTotals.none().plus(amount), MoneyTotals::plus);
                }
            }
        }

        WeightedForecast result() {
            return new WeightedForecast(byMonth, byOwner, unowned, byPipeline, categories);
        }
    }
}
