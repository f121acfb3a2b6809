package dev.crmkit.campaigns.abtest;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When an A/B test has a winner: the variant with the best rate on the chosen metric, once every variant reached
 * {@code minExposed} contacts and a two-sided two-proportion z-test against each other variant gives a p-value below
 * {@code alpha}. Immutable and thread-safe.
 *
 * @param alpha      the significance level, above 0 and below 0.5 (0.05 is usual)
 * @param minExposed the contacts every variant needs before a decision, 1 or more
 */
public record WinnerRule(double alpha, long minExposed) {

    /**
     * Validates the parts.
     *
     * @throws ValidationException naming {@code alpha} or {@code minExposed}
     */
    public WinnerRule {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw ValidationException.of("alpha", "range", "must be above 0 and below 0.5, was " + alpha);
        }
        if (minExposed < 1) {
            throw ValidationException.of("minExposed", "positive", "must be 1 or more, was " + minExposed);
        }
    }

    /** The decision over the outcomes of every variant of a test. */
    public AbDecision decide(List<VariantOutcome> outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        if (outcomes.size() < 2) {
            return new AbDecision.Undecided("a winner needs at least two variants' outcomes");
        }
        for (VariantOutcome o : outcomes) {
            if (o.exposed() < minExposed) {
                return new AbDecision.Undecided("variant " + o.variant() + " reached " + o.exposed() + " of the "
                        + minExposed + " contacts a decision needs");
            }
        }
        VariantOutcome best = outcomes.stream().max(Comparator.comparingDouble(VariantOutcome::rate)).orElseThrow();
        double worstP = 0;
        for (VariantOutcome other : outcomes) {
            if (other != best) {
                worstP = Math.max(worstP, pValue(best, other));
            }
        }
        if (worstP < alpha) {
            return new AbDecision.Winner(best.variant(), worstP);
        }
        return new AbDecision.Undecided("the best variant " + best.variant() + " is not significantly better yet (p = "
                + String.format(java.util.Locale.ROOT, "%.4f", worstP) + ", needs below " + alpha + ")");
    }

    /** The two-sided p-value of the pooled two-proportion z-test of two outcomes. */
    static double pValue(VariantOutcome a, VariantOutcome b) {
        double pooled = (double) (a.hits() + b.hits()) / (a.exposed() + b.exposed());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / a.exposed() + 1.0 / b.exposed()));
        if (se == 0) {
            return 1;
        }
        double z = Math.abs(a.rate() - b.rate()) / se;
        return erfc(z / Math.sqrt(2));
    }

    /** The complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }
}
