package dev.crmkit.metrics.acquisition;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The ratio of a customer's lifetime value to its acquisition cost, and its {@link LtvCacBand}. Example: LTV 600 and
 * CAC 125 give 4.8, {@link LtvCacBand#HEALTHY}. The band is decided on the exact ratio; {@link #ratio()} is rounded
 * HALF_EVEN to {@link #SCALE} decimals. Immutable and thread-safe.
 *
 * @param ratio the ratio LTV / CAC, rounded to {@link #SCALE} decimals
 * @param band  the band of the exact ratio
 */
public record LtvCacRatio(BigDecimal ratio, LtvCacBand band) {

    /** Decimals of {@link #ratio()}. */
    public static final int SCALE = 6;

    /** Validates that both parts are present. */
    public LtvCacRatio {
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(band, "band");
    }

    /**
     * The ratio of {@code ltv} to {@code cac}.
     *
     * @throws ValidationException naming {@code cac} when not above zero or in another currency than {@code ltv}
     */
    public static LtvCacRatio of(Money ltv, Money cac) {
        Objects.requireNonNull(ltv, "ltv");
        Objects.requireNonNull(cac, "cac");
        if (!cac.isPositive()) {
            throw ValidationException.of("cac", "positive", "must be above zero to divide by, was " + cac);
        }
        if (!cac.currency().equals(ltv.currency())) {
            throw ValidationException.of("cac", "currency", "must be in the LTV's currency "
                    + ltv.currency().getCurrencyCode() + ", was " + cac);
        }
        BigDecimal exact = ltv.amount().divide(cac.amount(), MathContext.DECIMAL128);
        return new LtvCacRatio(exact.setScale(SCALE, RoundingMode.HALF_EVEN), LtvCacBand.of(exact));
    }
}
