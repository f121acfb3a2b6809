package dev.crmkit.pipeline.forecast;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.definition.ForecastCategory;
import dev.crmkit.pipeline.definition.PipelineId;

import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;

/**
 * What the deals are expected to bring: each deal's amount times its probability, summed by expected close month,
 * by owner and by pipeline; and the cumulative forecast categories (closed within commit within best case within
 * pipeline), which sum whole amounts. Weighted sums are exact and rounded half-even once when read (see
 * {@link MoneyTotals}). Deals without an amount add nothing; deals without an expected close date are left out of
 * {@link #byMonth()} only; lost deals weigh nothing. Immutable and thread-safe.
 *
 * @param byMonth    weighted sums by the month of the expected close date
 * @param byOwner    weighted sums by owner
 * @param unowned    the weighted sum of deals without an owner
 * @param byPipeline weighted sums by pipeline
 * @param categories whole amounts by cumulative category: CLOSED, COMMIT (closed + commit), BEST_CASE, PIPELINE
 */
public record WeightedForecast(Map<YearMonth, MoneyTotals> byMonth, Map<UserId, MoneyTotals> byOwner,
                               MoneyTotals unowned, Map<PipelineId, MoneyTotals> byPipeline,
                               Map<ForecastCategory, MoneyTotals> categories) {

    /** Copies the maps. */
    public WeightedForecast {
        byMonth = Map.copyOf(byMonth);
        byOwner = Map.copyOf(byOwner);
        Objects.requireNonNull(unowned, "unowned");
        byPipeline = Map.copyOf(byPipeline);
        categories = Map.copyOf(categories);
    }

    /** The cumulative total of a category; {@link ForecastCategory#OMITTED} is always empty. */
    public MoneyTotals category(ForecastCategory category) {
        return categories.getOrDefault(category, MoneyTotals.none());
    }
}
