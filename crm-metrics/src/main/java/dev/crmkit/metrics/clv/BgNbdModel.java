package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A BG/NBD model (see {@link BgNbd}) and its predictions. Times (horizons, recency, age) are in the unit of the
 * summaries the model was fitted on. Immutable and thread-safe.
 *
 * @param r             shape of the Gamma distribution of purchase rates, &gt; 0
 * @param alpha         rate (inverse scale) of that Gamma distribution, in the time unit, &gt; 0
 * @param a             first shape of the Beta distribution of drop-out probabilities, &gt; 0
 * @param b             second shape of that Beta distribution, &gt; 0
 * @param logLikelihood the log-likelihood at these parameters of the data fitted (NaN when not fitted)
 * @param customers     how many customers were fitted (0 when not fitted)
 * @param converged     whether the optimiser met its tolerances (true for a model of given parameters)
 */
public record BgNbdModel(double r, double alpha, double a, double b, double logLikelihood, int customers,
        boolean converged) {

    /** Checks that the parameters are positive finite numbers. */
    public BgNbdModel {
        positive("r", r);
        positive("alpha", alpha);
        positive("a", a);
        positive("b", b);
        if (customers < 0) {
            throw ValidationException.of("customers", "not-negative", "must not be negative, was " + customers);
        }
    }

    /**
     * A fitted parameter whose natural logarithm reaches this (a value above 7.2e10 or below 1.4e-11) has run off:
     * the likelihood kept growing towards a limiting case of the model, where no optimum exists.
     */
    static final double RUN_OFF_LOG = 25;

    /**
     * Why the fit did not converge, and what to do, in one sentence for a person; empty when it converged. A fit
     * whose parameters ran off (a or b towards infinity: drop-out is the same for everyone, or nobody drops out; r
     * and alpha towards infinity: everyone buys at one rate) or whose log-likelihood is not finite is such a case:
     * its predictions are limits, not estimates.
     */
    public Optional<String> notConvergedReason() {
        if (converged) {
            return Optional.empty();
        }
        List<String> ranOff = new ArrayList<>();
        double[] values = {r, alpha, a, b};
        String[] names = {"r", "alpha", "a", "b"};
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(Math.log(values[i])) >= RUN_OFF_LOG) {
                ranOff.add(String.format(Locale.ROOT, "%s = %.3g towards %s", names[i], values[i],
                        values[i] > 1 ? "infinity" : "0"));
            }
        }
        String what;
        if (!Double.isFinite(logLikelihood) && customers > 0) {
            what = "the log-likelihood is not finite (" + logLikelihood + ")";
        } else if (!ranOff.isEmpty()) {
            what = "the parameters ran off (" + String.join(", ", ranOff) + "): the orders fit a limiting case of "
                    + "BG/NBD better, such as customers who never drop out or who all buy at one rate";
        } else {
            what = "the optimiser stopped before it met its tolerances";
        }
        return Optional.of(what + "; predictions from this fit are unreliable. What to do: fit on a longer history "
                + "or on more customers with repeat purchases, or use a coarser time unit");
    }

    /** A model of known parameters, not fitted to data. */
    public static BgNbdModel of(double r, double alpha, double a, double b) {
        return new BgNbdModel(r, alpha, a, b, Double.NaN, 0, true);
    }

    /**
     * The log-likelihood of one customer (the formula in {@link BgNbd}).
     *
     * @throws ValidationException if x is negative or not 0 &lt;= t_x &lt;= T
     */
    public double logLikelihood(int x, double tx, double age) {
        checkCustomer(x, tx, age);
        double rx = r + x;
        double constant = SpecialFunctions.lnGamma(rx) - SpecialFunctions.lnGamma(r) + r * Math.log(alpha)
                + SpecialFunctions.lnGamma(a + b) + SpecialFunctions.lnGamma(b + x) - SpecialFunctions.lnGamma(b)
                - SpecialFunctions.lnGamma(a + b + x);
        double alive = -rx * Math.log(alpha + age);
        if (x == 0) {
            return constant + alive;
        }
        double dropped = Math.log(a) - Math.log(b + x - 1) - rx * Math.log(alpha + tx);
        double max = Math.max(alive, dropped);
        return constant + max + Math.log1p(Math.exp(-Math.abs(alive - dropped)));
    }

    /**
     * The probability that a customer with x repeat purchases, the last at t_x, observed for T, is still alive:
     * 1 / (1 + [x &gt; 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)), between 0 and 1.
     *
     * @throws ValidationException if x is negative or not 0 &lt;= t_x &lt;= T
     */
    public double probabilityAlive(int x, double tx, double age) {
        checkCustomer(x, tx, age);
        if (x == 0) {
            return 1;
        }
        double lnOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
        return 1 / (1 + Math.exp(lnOdds));
    }

    /** {@link #probabilityAlive(int, double, double)} of a summary row. */
    public double probabilityAlive(CustomerSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return probabilityAlive(customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * The expected number of purchases in the next {@code horizon} of a customer with x repeat purchases, the last at
     * t_x, observed for T (equation 10 of the paper):
     * <pre>
     *   E = (a + b + x - 1) / (a - 1) [1 - ((alpha + T) / (alpha + T + t))^(r + x) 2F1(r + x, b + x; a + b + x - 1; z)]
     *       / (1 + [x &gt; 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)),   z = t / (alpha + T + t)
     * </pre>
     * evaluated through Euler's transformation 2F1(A, B; C; z) = (1 - z)^(C - A - B) 2F1(C - A, C - B; C; z), which
     * turns the bracket into [1 - (1 - z)^(a - 1) 2F1(a + b - 1 - r, a - 1; a + b + x - 1; z)]: its parameters no
     * longer grow with x, and written as (1 - (1 - z)^(a-1)) / (a - 1) - (1 - z)^(a-1) (2F1 - 1) / (a - 1) it has a
     * finite value at a = 1 too. Needs 0 &lt;= z &lt; 1 (always true) and a + b + x - 1 not 0 or a negative integer.
     *
     * @throws ValidationException if the horizon is not positive, x is negative or not 0 &lt;= t_x &lt;= T
     * @throws ArithmeticException if a + b + x - 1 is 0 or a negative integer (the formula has no value there), or the
     *                             series does not settle at these parameters (the message says why, with
     *                             {@link #notConvergedReason()} for a fit that did not converge)
     */
    public double expectedPurchases(double horizon, int x, double tx, double age) {
        checkHorizon(horizon);
        checkCustomer(x, tx, age);
        double c = a + b + x - 1;
        double z = horizon / (alpha + age + horizon);
        double lnOneMinusZ = -Math.log1p(horizon / (alpha + age));
        double shape = a - 1;
        double powered = Math.exp(shape * lnOneMinusZ);
        double firstPart = shape == 0 ? -lnOneMinusZ : -Math.expm1(shape * lnOneMinusZ) / shape;
        double tail;
        try {
            tail = SpecialFunctions.hyp2f1TailOverB(a + b - 1 - r, shape, c, z);
        } catch (ArithmeticException e) {
            throw new ArithmeticException(String.format(Locale.ROOT, "expected purchases cannot be computed at "
                    + "r = %.3g, alpha = %.3g, a = %.3g, b = %.3g (the hypergeometric series does not settle)%s",
                    r, alpha, a, b, notConvergedReason().map(reason -> ": the fit did not converge: " + reason)
                            .orElse("")));
        }
        double bracket = firstPart - powered * tail;
        double denominator = 1;
        if (x > 0) {
            denominator += Math.exp(Math.log(a) - Math.log(b + x - 1)
                    + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx)));
        }
        return Math.max(0, c * bracket / denominator);
    }

    /** {@link #expectedPurchases(double, int, double, double)} of a summary row. */
    public double expectedPurchases(double horizon, CustomerSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return expectedPurchases(horizon, customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * The expected number of repeat purchases in {@code horizon} after a new customer's first purchase:
     * (a + b - 1) / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b; a + b - 1; t / (alpha + t))], which is the
     * conditional expectation at x = 0, t_x = 0, T = 0.
     *
     * @throws ValidationException if the horizon is not positive
     */
    public double expectedPurchasesNewCustomer(double horizon) {
        return expectedPurchases(horizon, 0, 0, 0);
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw ValidationException.of(field, "positive", "must be a positive finite number, was " + value);
        }
    }

    static void checkHorizon(double horizon) {
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            throw ValidationException.of("horizon", "positive", "must be a positive finite number, was " + horizon);
        }
    }

    private static void checkCustomer(int x, double tx, double age) {
        if (x < 0) {
            throw ValidationException.of("frequency", "not-negative", "must not be negative, was " + x);
        }
        if (!(age >= 0) || Double.isInfinite(age)) {
            throw ValidationException.of("age", "not-negative", "must be a finite number >= 0, was " + age);
        }
        if (!(tx >= 0 && tx <= age)) {
            throw ValidationException.of("recency", "range", "must be from 0 to the age " + age + ", was " + tx);
        }
    }
}
