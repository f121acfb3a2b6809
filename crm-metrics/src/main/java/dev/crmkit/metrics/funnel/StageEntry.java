package dev.crmkit.metrics.funnel;

import dev.crmkit.core.kernel.ValidationException;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of stage history: a deal entered a stage at an instant. The optional attributes let the funnel be grouped.
 * Immutable and thread-safe.
 *
 * @param dealId    the deal's id in the embedding application, not blank
 * @param stage     the stage entered, not blank
 * @param enteredAt when
 * @param source    where the deal came from, if known
 * @param owner     who owned the deal, if known
 * @param pipeline  the pipeline the deal is in, if known
 */
public record StageEntry(String dealId, String stage, Instant enteredAt, Optional<String> source,
        Optional<String> owner, Optional<String> pipeline) {

    /**
     * Validates the entry.
     *
     * @throws ValidationException naming {@code dealId} or {@code stage} when blank
     */
    public StageEntry {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(pipeline, "pipeline");
        if (dealId.isBlank()) {
            throw ValidationException.of("dealId", "required", "must not be blank");
        }
        if (stage.isBlank()) {
            throw ValidationException.of("stage", "required", "must not be blank");
        }
    }

    /** An entry without source, owner or pipeline. */
    public static StageEntry of(String dealId, String stage, Instant enteredAt) {
        return new StageEntry(dealId, stage, enteredAt, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A copy with the given source, owner and pipeline (each may be {@code null} for unknown). */
    public StageEntry with(String newSource, String newOwner, String newPipeline) {
        return new StageEntry(dealId, stage, enteredAt, Optional.ofNullable(newSource), Optional.ofNullable(newOwner),
                Optional.ofNullable(newPipeline));
    }
}
