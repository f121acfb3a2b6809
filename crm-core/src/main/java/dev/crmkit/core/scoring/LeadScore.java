package dev.crmkit.core.scoring;

import dev.crmkit.core.lead.LeadId;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored result of scoring a lead (the explanation is not stored: it is recomputed on demand). Immutable and
 * thread-safe.
 *
 * @param leadId      the lead
 * @param score       the score, 0 to 100
 * @param temperature its temperature
 * @param stage       the lead's lifecycle stage, which never moves back
 * @param scoredAt    when it was scored
 */
public record LeadScore(LeadId leadId, int score, Temperature temperature, LifecycleStage stage, Instant scoredAt) {

    /** Validates the parts. */
    public LeadScore {
        Objects.requireNonNull(leadId, "leadId");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a score is 0 to 100, got " + score);
        }
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(scoredAt, "scoredAt");
    }
}
