package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A Gamma-Gamma model of spend per purchase (see {@link GammaGamma}), with amounts in major units of the currency.
 * Immutable and thread-safe.
 *
 * @param p             shape of the Gamma distribution of one purchase's amount, &gt; 0
 * @param q             shape of the Gamma distribution of its rate across customers, &gt; 0
 * @param v             rate of that distribution, in major units, &gt; 0
 * @param logLikelihood the log-likelihood at these parameters of the data fitted (NaN when not fitted)
 * @param customers     how many customers were fitted (0 when not fitted)
 * @param converged     whether the optimiser met its tolerances (true for a model of given parameters)
 */
public record GammaGammaModel(double p, double q, double v, double logLikelihood, int customers, boolean converged) {

    /** Checks that the parameters are positive finite numbers. */
    public GammaGammaModel {
        positive("p", p);
        positive("q", q);
        positive("v", v);
        if (customers < 0) {
            throw ValidationException.of("customers", "not-negative", "must not be negative, was " + customers);
        }
    }

    /** A model of known parameters, not fitted to data. */
    public static GammaGammaModel of(double p, double q, double v) {
        return new GammaGammaModel(p, q, v, Double.NaN, 0, true);
    }

    /**
     * The log-likelihood of one customer's mean repeat purchase m over x purchases (the formula in
     * {@link GammaGamma}).
     *
     * @throws ValidationException if x is not positive or m not positive
     */
    public double logLikelihood(int x, double m) {
        if (x <= 0) {
            throw ValidationException.of("frequency", "positive", "must be at least 1, was " + x);
        }
        if (!(m > 0) || Double.isInfinite(m)) {
            throw ValidationException.of("monetary", "positive", "must be a positive finite number, was " + m);
        }
        double px = p * x;
        return SpecialFunctions.lnGamma(px + q) - SpecialFunctions.lnGamma(px) - SpecialFunctions.lnGamma(q)
                + q * Math.log(v) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + v);
    }

    /**
     * The expected mean purchase of a customer whose x repeat purchases averaged m (in major units):
     * p (v + x m) / (p x + q - 1); at x = 0 the population mean p v / (q - 1).
     *
     * @throws ValidationException if q &lt;= 1 (the mean spend is then infinite), x is negative or m negative
     */
    public double expectedAverageValue(int x, double m) {
        if (x < 0) {
            throw ValidationException.of("frequency", "not-negative", "must not be negative, was " + x);
        }
        if (!(m >= 0) || Double.isInfinite(m)) {
            throw ValidationException.of("monetary", "not-negative", "must be a finite number >= 0, was " + m);
        }
        if (q <= 1) {
            throw ValidationException.of("q", "greater-than-one",
                    "the expected spend is infinite when q <= 1, was " + q);
        }
        double px = p * x;
        return p * (v + x * m) / (px + q - 1);
    }

    /**
     * {@link #expectedAverageValue(int, double)} of a summary row, as money rounded HALF_EVEN to the currency's scale.
     */
    public Money expectedAverageValue(CustomerSummary customer) {
        Objects.requireNonNull(customer, "customer");
        double value = expectedAverageValue(customer.frequency(), customer.monetaryValue().amount().doubleValue());
        return Money.of(BigDecimal.valueOf(value), customer.monetaryValue().currency(), RoundingMode.HALF_EVEN);
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw ValidationException.of(field, "positive", "must be a positive finite number, was " + value);
        }
    }
}
