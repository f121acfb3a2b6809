package dev.crmkit.metrics.funnel;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * How many reached one stage of a funnel. Immutable and thread-safe.
 *
 * @param stage the stage's name, not blank
 * @param count how many reached it, not negative
 */
public record StageCount(String stage, long count) {

    /**
     * Validates the count.
     *
     * @throws ValidationException naming {@code stage} or {@code count}
     */
    public StageCount {
        Objects.requireNonNull(stage, "stage");
        if (stage.isBlank()) {
            throw ValidationException.of("stage", "required", "must not be blank");
        }
        if (count < 0) {
            throw ValidationException.of("count", "not-negative", "must not be negative, was " + count);
        }
    }
}
