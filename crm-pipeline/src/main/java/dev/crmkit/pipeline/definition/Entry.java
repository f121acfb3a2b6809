package dev.crmkit.pipeline.definition;

import java.time.Instant;
import java.util.Objects;

/**
 * A deal that just entered a stage, as entry actions see it. Immutable.
 *
 * @param deal  the deal after the move
 * @param stage the stage it entered
 * @param actor who moved it
 * @param now   when
 */
public record Entry(DealFacts deal, Stage stage, Actor actor, Instant now) {

    /** Validates presence. */
    public Entry {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(now, "now");
    }
}
