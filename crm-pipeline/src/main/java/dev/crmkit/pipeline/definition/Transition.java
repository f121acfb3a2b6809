package dev.crmkit.pipeline.definition;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposed move of a deal from one stage to another, as rules see it. Immutable.
 *
 * @param deal       the deal, as it is before the move
 * @param pipeline   its pipeline
 * @param from       the stage it is in
 * @param to         the stage it would enter
 * @param actor      who moves it
 * @param lostReason the reason given for losing it, if any
 * @param now        the time of the move
 * @param activities the deal's activities since it entered {@code from}
 */
public record Transition(DealFacts deal, PipelineDefinition pipeline, Stage from, Stage to, Actor actor,
                         Optional<String> lostReason, Instant now, StageActivities activities) {

    /** Validates presence. */
    public Transition {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(lostReason, "lostReason");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(activities, "activities");
    }

    /** The position of {@code from} in the pipeline. */
    public int fromIndex() {
        return pipeline.indexOf(from.name());
    }

    /** The position of {@code to} in the pipeline. */
    public int toIndex() {
        return pipeline.indexOf(to.name());
    }
}
