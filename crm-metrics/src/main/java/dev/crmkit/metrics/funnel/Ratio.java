package dev.crmkit.metrics.funnel;

import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact rate between 0 and 1: {@code numerator / denominator} with {@code 0 <= numerator <= denominator}. A rate
 * over nothing ({@code 0 / 0}) is {@linkplain #isDefined() undefined} and its {@link #value()} is 0. Keeping the
 * fraction exact lets a caller multiply steps without rounding error. Immutable and thread-safe.
 *
 * <p>Example: {@code Ratio.of(300, 500).value()} is {@code 0.600000}.
 *
 * @param numerator   how many made it, from 0 to {@code denominator}
 * @param denominator out of how many, not negative
 */
public record Ratio(long numerator, long denominator) {

    /** Decimals of {@link #value()}. */
    public static final int SCALE = 6;

    /**
     * Validates the fraction.
     *
     * @throws ValidationException naming {@code denominator} or {@code numerator} when out of range
     */
    public Ratio {
        if (denominator < 0) {
            throw ValidationException.of("denominator", "not-negative", "must not be negative, was " + denominator);
        }
        if (numerator < 0 || numerator > denominator) {
            throw ValidationException.of("numerator", "range", "must be from 0 to the denominator " + denominator
                    + ", was " + numerator);
        }
    }

    /** The rate {@code numerator / denominator}. */
    public static Ratio of(long numerator, long denominator) {
        return new Ratio(numerator, denominator);
    }

    /** Whether the denominator is above zero. */
    public boolean isDefined() {
        return denominator > 0;
    }

    /** The rate as a decimal from 0 to 1, rounded HALF_EVEN to {@link #SCALE} decimals; 0 when undefined. */
    public BigDecimal value() {
        if (denominator == 0) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_EVEN);
    }

    /** The rate as a double, for charts and statistics; 0 when undefined. */
    public double doubleValue() {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
