package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * A plan in counts: how many deals a person or team is to win, meetings to hold or calls to make in a period.
 * Immutable and thread-safe.
 *
 * @param owner   the person or team, not blank
 * @param period  the month, quarter or year
 * @param counted what is counted
 * @param count   how many, above zero
 */
public record CountTarget(String owner, Period period, Counted counted, long count) {

    /**
     * Validates the target.
     *
     * @throws ValidationException naming {@code owner} when blank or {@code count} when not above zero
     */
    public CountTarget {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(counted, "counted");
        if (owner.isBlank()) {
            throw ValidationException.of("owner", "required", "a target needs an owner");
        }
        if (count < 1) {
            throw ValidationException.of("count", "positive", "a target must be above zero, was " + count);
        }
    }
}
