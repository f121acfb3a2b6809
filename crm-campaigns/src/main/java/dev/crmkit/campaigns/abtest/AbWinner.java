package dev.crmkit.campaigns.abtest;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored winner of an A/B test: decided once, kept for good, sent to the rest. Immutable and thread-safe.
 *
 * @param testId    the test
 * @param variant   the winning variant's name
 * @param pValue    the largest p-value of its comparisons when it was decided, as text ({@link Double#toString})
 * @param decidedAt when it was decided
 */
public record AbWinner(String testId, String variant, String pValue, Instant decidedAt) {

    /** Checks the parts are there. */
    public AbWinner {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
