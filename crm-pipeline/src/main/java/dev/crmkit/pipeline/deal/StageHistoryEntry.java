package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.definition.PipelineId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One move of a deal, kept with the stage names as they were at the time. Immutable and thread-safe.
 *
 * @param id             the identity of the entry
 * @param dealId         the deal
 * @param dealVersion    the version of the deal the move produced: it orders a deal's entries, also moves made
 *                       within the same instant
 * @param pipelineId     its pipeline
 * @param from           the stage it left, empty when the deal was opened
 * @param to             the stage it entered
 * @param by             who moved it
 * @param at             when
 * @param timeInPrevious how long it had been in {@code from} (zero when opened)
 */
public record StageHistoryEntry(UUID id, DealId dealId, long dealVersion, PipelineId pipelineId,
                                Optional<String> from, String to, UserId by, Instant at, Duration timeInPrevious) {

    /** Validates presence and a non-negative duration. */
    public StageHistoryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(pipelineId, "pipelineId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(timeInPrevious, "timeInPrevious");
        if (dealVersion < 1) {
            throw new IllegalArgumentException("a history entry follows a stored deal version, at least 1: "
                    + dealVersion);
        }
        if (timeInPrevious.isNegative()) {
            throw new IllegalArgumentException("time in the previous stage must not be negative: " + timeInPrevious);
        }
    }
}
