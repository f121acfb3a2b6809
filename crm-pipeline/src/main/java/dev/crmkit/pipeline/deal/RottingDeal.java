package dev.crmkit.pipeline.deal;

import java.time.Instant;
import java.util.Objects;

/**
 * A deal that has had no activity for longer than its stage allows.
 *
 * @param deal          the deal
 * @param lastActivity  when something last happened to it (its latest timeline entry, or entering its stage)
 * @param thresholdDays its stage's rotting threshold
 */
public record RottingDeal(Deal deal, Instant lastActivity, int thresholdDays) {

    /** Validates presence. */
    public RottingDeal {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(lastActivity, "lastActivity");
    }
}
