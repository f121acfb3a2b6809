package dev.crmkit.examples.cli.pipeline;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.Actor;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.ScopedPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.forecast.Board;
import dev.crmkit.pipeline.forecast.WeightedForecast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deals a command reads: every deal when it runs as the system actor, or, under {@code crm --as USER}, only those
 * the user may see, read through {@link DealPipeline#as} (restricted inside the store's query; a hidden deal is not
 * found and neither counted on a board nor summed in a forecast).
 */
public final class SeenDeals {

    private final DealPipeline pipelines;
    private final Optional<ScopedPipeline> view;

    private SeenDeals(DealPipeline pipelines, Optional<ScopedPipeline> view) {
        this.pipelines = pipelines;
        this.view = view;
    }

    /**
     * The deals the named user may see, or every deal when no user is named.
     *
     * @throws IllegalArgumentException naming the user when the store's access directory does not hold them
     */
    public static SeenDeals of(Optional<String> user, CrmStore store, DealPipeline pipelines) {
        Objects.requireNonNull(pipelines, "pipelines");
        Optional<ScopedPipeline> view = user.map(u -> {
            Actor actor = Actor.user(u);
            dev.crmkit.examples.cli.ActingUser.checkKnown(store, actor);
            return pipelines.as(actor);
        });
        return new SeenDeals(pipelines, view);
    }

    /** The user's view, when the command runs as a user. */
    public Optional<ScopedPipeline> view() {
        return view;
    }

    /** Who reads: the user, or the system actor of a command without {@code --as}. */
    public Actor actor() {
        return view.map(ScopedPipeline::actor).orElse(dev.crmkit.examples.cli.ActingUser.SYSTEM);
    }

    /** The board of a filter's pipeline, of the deals seen. */
    public Board board(DealFilter filter) {
        return view.map(v -> v.board(filter)).orElseGet(() -> pipelines.forecasts().board(filter));
    }

    /** The weighted forecast of one pipeline, of the deals seen. */
    public WeightedForecast weighted(PipelineId pipeline) {
        return view.map(v -> v.weighted(List.of(pipeline), Optional.empty()))
                .orElseGet(() -> pipelines.forecasts().weighted(List.of(pipeline), Optional.empty()));
    }

    /** The deal with this id, if it is seen. */
    public Optional<Deal> deal(DealId id) {
        return view.isPresent() ? view.get().deal(id) : pipelines.deal(id);
    }

    /** Every deal seen of a pipeline, in the order they were created. */
    public List<Deal> deals(Pipeline pipeline) {
        return view.isPresent() ? PipelineSetup.deals(view.get()::deals, pipeline)
                : PipelineSetup.deals(pipelines, pipeline);
    }
}
