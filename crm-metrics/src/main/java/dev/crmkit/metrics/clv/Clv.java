package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Customer lifetime value from a BG/NBD and a Gamma-Gamma model: the discounted expected margin over a horizon of
 * whole months, as the lifetimes library's {@code customer_lifetime_value} computes it:
 * <pre>
 *   CLV = sum for k = 1..months of  (E(k) - E(k - 1)) x AOV x margin / (1 + d)^k
 * </pre>
 * where E(k) is {@link BgNbdModel#expectedPurchases} of the customer for k months (E(0) = 0), a month being 30 days
 * expressed in the summaries' unit (30 days, 30/7 weeks or 1 month; lifetimes uses 4.345 weeks), AOV is
 * {@link GammaGammaModel#expectedAverageValue(int, double)} of the customer's frequency and monetary value
 * (the population mean for a customer without repeat purchases), margin the gross margin as a fraction and d the
 * monthly discount rate. Purchases in month k are discounted by k whole months, as in lifetimes.
 *
 * <p>The sum of discounted expected purchases is a {@code double} statistic; it is multiplied by AOV and margin in
 * {@link BigDecimal} and the result rounded once, HALF_EVEN, to the currency's scale.
 */
public final class Clv {

    private static final int MAX_MONTHS = 1200;

    private Clv() {
    }

    /**
     * The CLV of one customer.
     *
     * @param bgNbd               the purchase model, fitted in the customer's time unit
     * @param gammaGamma          the spend model, fitted in the customer's currency
     * @param customer            the customer's summary row
     * @param months              the horizon in months of 30 days, from 1 to 1200
     * @param monthlyDiscountRate the discount rate per month, from 0 to 1 (0.01 is 1% a month)
     * @param margin              the gross margin, from 0 to 1
     * @throws ValidationException if the horizon, discount rate or margin is out of range, or q &lt;= 1
     */
    public static Money of(BgNbdModel bgNbd, GammaGammaModel gammaGamma, CustomerSummary customer, int months,
            BigDecimal monthlyDiscountRate, BigDecimal margin) {
        Objects.requireNonNull(bgNbd, "bgNbd");
        Objects.requireNonNull(gammaGamma, "gammaGamma");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(monthlyDiscountRate, "monthlyDiscountRate");
        Objects.requireNonNull(margin, "margin");
        if (months < 1 || months > MAX_MONTHS) {
            throw ValidationException.of("horizon", "range", "must be from 1 to " + MAX_MONTHS + " months, was "
                    + months);
        }
        fraction("discountRate", monthlyDiscountRate);
        fraction("margin", margin);
        BigDecimal aov = BigDecimal.valueOf(gammaGamma.expectedAverageValue(customer.frequency(),
                customer.monetaryValue().amount().doubleValue()));
        double purchases = discountedPurchases(bgNbd, customer, months, monthlyDiscountRate.doubleValue());
        BigDecimal value = aov.multiply(margin).multiply(BigDecimal.valueOf(purchases));
        return Money.of(value, customer.monetaryValue().currency(), RoundingMode.HALF_EVEN);
    }

    /**
     * The expected purchases of a customer over whole months, each month's discounted by (1 + d)^k: the factor that
     * {@link #of} multiplies by AOV and margin.
     *
     * @throws ValidationException if months is not positive or the rate is negative
     */
    public static double discountedPurchases(BgNbdModel bgNbd, CustomerSummary customer, int months,
            double monthlyDiscountRate) {
        Objects.requireNonNull(bgNbd, "bgNbd");
        Objects.requireNonNull(customer, "customer");
        if (months < 1) {
            throw ValidationException.of("horizon", "positive", "must be at least 1 month, was " + months);
        }
        if (!(monthlyDiscountRate >= 0) || Double.isInfinite(monthlyDiscountRate)) {
            throw ValidationException.of("discountRate", "not-negative", "must be a finite number >= 0, was "
                    + monthlyDiscountRate);
        }
        double month = customer.unit().unitsPerMonth();
        double previous = 0;
        double sum = 0;
        for (int k = 1; k <= months; k++) {
            double cumulative = bgNbd.expectedPurchases(k * month, customer);
            sum += (cumulative - previous) / Math.pow(1 + monthlyDiscountRate, k);
            previous = cumulative;
        }
        return sum;
    }

    private static void fraction(String field, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw ValidationException.of(field, "fraction", "must be from 0 to 1, was " + value.toPlainString());
        }
    }
}
