package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.definition.PipelineId;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * Which deals of a pipeline to list: every criterion that is present must match (a SQL {@code WHERE} of equalities).
 * Immutable and thread-safe.
 *
 * @param pipeline   the pipeline
 * @param stage      the stage, by its exact stored name
 * @param owner      the owner
 * @param source     the source, exactly
 * @param closeMonth the month of the expected close date
 */
public record DealFilter(PipelineId pipeline, Optional<String> stage, Optional<UserId> owner, Optional<String> source,
                         Optional<YearMonth> closeMonth) {

    /** Validates presence. */
    public DealFilter {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(closeMonth, "closeMonth");
    }

    /** Every deal of the pipeline. */
    public static DealFilter pipeline(PipelineId pipeline) {
        return new DealFilter(pipeline, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same filter restricted to a stage. */
    public DealFilter inStage(String value) {
        return new DealFilter(pipeline, Optional.of(value), owner, source, closeMonth);
    }

    /** The same filter restricted to an owner. */
    public DealFilter ownedBy(UserId value) {
        return new DealFilter(pipeline, stage, Optional.of(value), source, closeMonth);
    }

    /** The same filter restricted to a source. */
    public DealFilter fromSource(String value) {
        return new DealFilter(pipeline, stage, owner, Optional.of(value), closeMonth);
    }

    /** The same filter restricted to deals expected to close in a month. */
    public DealFilter closingIn(YearMonth value) {
        return new DealFilter(pipeline, stage, owner, source, Optional.of(value));
    }

    /** Whether a deal passes; the reference semantics every store implements. */
    public boolean accepts(Deal deal) {
        return deal.pipelineId().equals(pipeline)
                && stage.map(deal.stage()::equals).orElse(true)
                && owner.map(o -> deal.owner().filter(o::equals).isPresent()).orElse(true)
                && source.map(deal.source()::equals).orElse(true)
                && closeMonth.map(m -> deal.expectedCloseDate().map(YearMonth::from).filter(m::equals).isPresent())
                .orElse(true);
    }
}
