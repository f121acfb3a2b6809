package dev.crmkit.metrics.ltv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One customer segment's input to {@link Ltv#bySegment}: what the segment brings in, how likely it is to stay, and the
 * gross margin on its revenue. Immutable and thread-safe.
 *
 * @param name                 the segment's name, not blank
 * @param revenue              the segment's revenue, not negative
 * @param retentionProbability the probability that the segment's customers stay, a fraction from 0 to 1
 * @param grossMargin          the gross margin on the revenue, a fraction from 0 to 1
 */
public record SegmentValue(String name, Money revenue, BigDecimal retentionProbability, BigDecimal grossMargin) {

    /**
     * Validates the segment.
     *
     * @throws ValidationException naming {@code name}, {@code revenue},
     *         {@code retentionProbability} or {@code grossMargin}
     */
    public SegmentValue {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw ValidationException.of("name", "required", "must not be blank");
        }
        Checks.notNegative(revenue, "revenue");
        Checks.fraction(retentionProbability, "retentionProbability");
        Checks.fraction(grossMargin, "grossMargin");
    }
}
