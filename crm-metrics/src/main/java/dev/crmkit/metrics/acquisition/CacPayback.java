package dev.crmkit.metrics.acquisition;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * CAC payback: how many months of gross profit win back what a customer cost,
 * {@code months = CAC / (monthly ARPU x gross margin)}, rounded HALF_EVEN to {@link #SCALE} decimals. Example: CAC 125,
 * ARPU 30 a month, margin 0.8: 125 / 24 = 5.208333 months. Stateless and thread-safe.
 */
public final class CacPayback {

    /** Decimals of the result. */
    public static final int SCALE = 6;

    private CacPayback() {
    }

    /**
     * The payback period in months.
     *
     * @throws ValidationException naming {@code cac} (negative), {@code monthlyArpu} (not above zero or another
     *         currency) or {@code grossMargin} (not above 0 or above 1)
     */
    public static BigDecimal months(Money cac, Money monthlyArpu, BigDecimal grossMargin) {
        Objects.requireNonNull(cac, "cac");
        Objects.requireNonNull(monthlyArpu, "monthlyArpu");
        Objects.requireNonNull(grossMargin, "grossMargin");
        if (cac.isNegative()) {
            throw ValidationException.of("cac", "not-negative", "must not be negative, was " + cac);
        }
        if (!monthlyArpu.isPositive()) {
            throw ValidationException.of("monthlyArpu", "positive", "must be above zero, was " + monthlyArpu);
        }
        if (!monthlyArpu.currency().equals(cac.currency())) {
            throw ValidationException.of("monthlyArpu", "currency", "must be in the CAC's currency "
                    + cac.currency().getCurrencyCode() + ", was " + monthlyArpu);
        }
        if (grossMargin.signum() <= 0 || grossMargin.compareTo(BigDecimal.ONE) > 0) {
            throw ValidationException.of("grossMargin", "range", "must be above 0 and at most 1, was "
                    + grossMargin.toPlainString());
        }
        BigDecimal monthlyProfit = monthlyArpu.amount().multiply(grossMargin);
        return cac.amount().divide(monthlyProfit, MathContext.DECIMAL128).setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
