package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * Fits the BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way") by maximum likelihood.
 *
 * <p>The model: while alive, a customer buys at Poisson rate lambda, lambda ~ Gamma(shape r, rate alpha) across
 * customers; after each repeat purchase the customer drops out for good with probability p, p ~ Beta(a, b). The
 * likelihood of one customer with x repeat purchases, the last at t_x, observed for T, is the closed form of the paper
 * (its equation 6, no hypergeometric function):
 * <pre>
 *   ln L = ln Gamma(r + x) - ln Gamma(r) + r ln alpha
 *        + ln Gamma(a + b) + ln Gamma(b + x) - ln Gamma(b) - ln Gamma(a + b + x)
 *        + ln( (alpha + T)^-(r + x) + [x &gt; 0] a / (b + x - 1) (alpha + t_x)^-(r + x) )
 * </pre>
 * where the last logarithm of a sum is taken in log space (max + log1p(exp(-|difference|))).
 *
 * <p>The fit maximises the sum over customers with {@link Bfgs} over the logarithms of the four parameters (so they
 * stay positive), with the analytic gradient of {@link BgNbdLikelihood}, until every component of the gradient of the
 * mean log-likelihood per customer is at most 1e-9 (about 25 to 40 evaluations of value and gradient), within 1,000
 * iterations. Times are rescaled so that the largest age is 10 while fitting (alpha is scaled back; the reported
 * log-likelihood is that of the data as given). Customers with equal (x, t_x, T) are evaluated once with a weight, so
 * real data, whose times are whole days, fits in time that grows with the number of distinct rows, not customers.
 * With many distinct rows (from 50,000 groups) it first fits every 16th customer, in the order of (x, t_x, T), to a
 * gradient of 1e-6 and starts the full fit from that point and that fit's inverse Hessian approximation, which then
 * needs about 6 evaluations over all groups instead of 38 (1,000,000 staggered customers); should that full fit not
 * converge, it runs again from the usual start. The tolerance of the full fit is the same either way, so the
 * parameters agree with a fit from the usual start to about 1e-9 relative. Deterministic: the same summaries give the
 * same model, and so do the same customers in any order (the groups, the sample and the order of every sum depend
 * only on the multiset of (x, t_x, T)).
 */
public final class BgNbd {

    private static final double GRADIENT_TOLERANCE = 1e-9;
    private static final int MAX_ITERATIONS = 1_000;
    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_RESTARTS = 10;
    private static final double LOG_BOUND = 30;
    /** From this many groups on the fit starts where a fit to a sample ended. */
    private static final int WARM_START_GROUPS = 50_000;
    private static final int SAMPLE_STRIDE = 16;
    private static final double SAMPLE_TOLERANCE = 1e-6;

    private BgNbd() {
    }

    /**
     * Fits the model to every row of the summaries.
     *
     * <p>Non-convergence is reported, not thrown: {@link BgNbdModel#converged()} is false when the optimiser ran out of
     * its evaluation budget before meeting its tolerances, and also when a parameter ran off towards 0 or infinity
     * (beyond e^-25 or e^25), which means a limiting case of the model (every customer buying at the same rate, or
     * nobody dropping out) fits the data better than any proper one, and when the log-likelihood is not finite there.
     * The parameters are then the best found and should not be used for predictions;
     * {@link BgNbdModel#notConvergedReason()} says why and what to do.
     *
     * @throws ValidationException if no customer has a repeat purchase (the likelihood then has no maximum)
     */
    public static BgNbdModel fit(CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        if (summaries.repeatCustomers() == 0) {
            throw ValidationException.of("frequency", "repeat-purchases",
                    "BG/NBD needs at least one customer with a repeat purchase; every frequency is 0");
        }
        return fit(summaries, true).model();
    }

    /**
     * A fit and how many evaluations over all groups it made.
     *
     * @param model       the fitted model
     * @param evaluations how many times the likelihood and its gradient were evaluated over all groups (the sample's
     *                    fit not counted)
     */
    record Fitted(BgNbdModel model, int evaluations) {
    }

    /** {@link #fit(CustomerSummaries)}, with {@code sampleFirst} false always from the usual start. */
    static Fitted fit(CustomerSummaries summaries, boolean sampleFirst) {
        BgNbdData data = fittingData(summaries);
        int evaluations = 0;
        Bfgs.Minimum minimum = null;
        Bfgs.Minimum rough = sampleFirst ? roughFit(data) : null;
        if (rough != null) {
            minimum = new Bfgs((z, gradient) -> objective(data, z, gradient), GRADIENT_TOLERANCE, MAX_ITERATIONS)
                    .minimize(rough.point(), rough.inverseHessian());
            evaluations += minimum.evaluations();
        }
        if (minimum == null || !minimum.converged()) {
            minimum = new Bfgs((z, gradient) -> objective(data, z, gradient), GRADIENT_TOLERANCE, MAX_ITERATIONS)
                    .minimize(new double[] {0, 0, 0, 0});
            evaluations += minimum.evaluations();
        }
        return new Fitted(model(summaries, data, minimum.point(), minimum.value(), minimum.converged()), evaluations);
    }

    /**
     * The fit to every {@value #SAMPLE_STRIDE}th customer in the order of the groups ({@link BgNbdData#everyNth}, so
     * it does not depend on the order of the summaries), to start the full fit from (its point and its inverse
     * Hessian approximation: the mean log-likelihood of a systematic sample has about the same maximum and curvature),
     * when the data have at least {@value #WARM_START_GROUPS} groups; {@code null} when they have fewer, or when the
     * sample's fit did not converge to a proper point (then the full fit starts from scratch).
     */
    private static Bfgs.Minimum roughFit(BgNbdData data) {
        if (data.weight.length < WARM_START_GROUPS) {
            return null;
        }
        BgNbdData sample = data.everyNth(SAMPLE_STRIDE);
        if (!sample.hasRepeat()) {
            return null;
        }
        Bfgs.Minimum rough = new Bfgs((z, gradient) -> objective(sample, z, gradient), SAMPLE_TOLERANCE,
                MAX_ITERATIONS).minimize(new double[] {0, 0, 0, 0});
        if (!rough.converged() || !Double.isFinite(rough.value())) {
            return null;
        }
        for (double z : rough.point()) {
            if (Math.abs(z) >= BgNbdModel.RUN_OFF_LOG) {
                return null;
            }
        }
        return rough;
    }

    /**
     * The fit as it was made before the gradient: a {@link NelderMead} simplex restarted from its best point until a
     * restart gains less than 1e-10 (relative, per customer), within 20,000 evaluations. Kept as the reference the
     * gradient fit is tested against.
     */
    static BgNbdModel fitNelderMead(CustomerSummaries summaries, double valueTolerance, double pointTolerance) {
        BgNbdData data = fittingData(summaries);
        NelderMead optimiser = new NelderMead(z -> objective(data, z), 0.5, valueTolerance, pointTolerance,
                MAX_EVALUATIONS);
        NelderMead.Minimum minimum = optimiser.minimize(new double[] {0, 0, 0, 0}, MAX_RESTARTS);
        return model(summaries, data, minimum.point(), minimum.value(), minimum.converged());
    }

    /** The grouped summaries with times rescaled so that the largest age is 10. */
    private static BgNbdData fittingData(CustomerSummaries summaries) {
        double maxAge = 0;
        for (double t : summaries.ages()) {
            maxAge = Math.max(maxAge, t);
        }
        double scale = maxAge > 0 ? maxAge / 10 : 1;
        return BgNbdData.of(summaries.frequencies(), summaries.recencies(), summaries.ages(), scale);
    }

    private static BgNbdModel model(CustomerSummaries summaries, BgNbdData data, double[] z, double value,
            boolean converged) {
        double scale = data.scale;
        double r = Math.exp(z[0]);
        double alpha = Math.exp(z[1]) * scale;
        double a = Math.exp(z[2]);
        double b = Math.exp(z[3]);
        double logLikelihood = -value * data.totalWeight - data.weightedX * Math.log(scale);
        boolean proper = Double.isFinite(logLikelihood) && Math.abs(z[0]) < BgNbdModel.RUN_OFF_LOG
                && Math.abs(Math.log(alpha)) < BgNbdModel.RUN_OFF_LOG && Math.abs(z[2]) < BgNbdModel.RUN_OFF_LOG
                && Math.abs(z[3]) < BgNbdModel.RUN_OFF_LOG;
        return new BgNbdModel(r, alpha, a, b, logLikelihood, summaries.size(), converged && proper);
    }

    /**
     * The log-likelihood of the summaries under given parameters (the sum of {@link BgNbdModel#logLikelihood} over
     * the rows, computed over grouped rows).
     */
    public static double logLikelihood(BgNbdModel model, CustomerSummaries summaries) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(summaries, "summaries");
        BgNbdData data = BgNbdData.of(summaries.frequencies(), summaries.recencies(), summaries.ages(), 1);
        return logLikelihood(data, model.r(), model.alpha(), model.a(), model.b());
    }

    private static double objective(BgNbdData data, double[] z) {
        for (double v : z) {
            if (Math.abs(v) > LOG_BOUND) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return -logLikelihood(data, Math.exp(z[0]), Math.exp(z[1]), Math.exp(z[2]), Math.exp(z[3]))
                / data.totalWeight;
    }

    /**
     * Minus the mean log-likelihood per customer at log-parameters {@code z}, with its gradient in z written into
     * {@code gradient}; +infinity beyond e^30 either way.
     */
    static double objective(BgNbdData data, double[] z, double[] gradient) {
        for (double v : z) {
            if (Math.abs(v) > LOG_BOUND) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double[] p = {Math.exp(z[0]), Math.exp(z[1]), Math.exp(z[2]), Math.exp(z[3])};
        double value = BgNbdLikelihood.valueAndGradient(data, p[0], p[1], p[2], p[3], gradient);
        for (int i = 0; i < 4; i++) {
            gradient[i] *= -p[i] / data.totalWeight;
        }
        return -value / data.totalWeight;
    }

    /** The weighted log-likelihood of grouped data: a tight loop over primitive arrays. */
    static double logLikelihood(BgNbdData data, double r, double alpha, double a, double b) {
        double[] times = data.times;
        double[] lnAlphaPlus = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            lnAlphaPlus[k] = Math.log(alpha + times[k]);
        }
        int[] xs = data.xs;
        double[] constant = new double[xs.length];
        double[] dropTerm = new double[xs.length];
        double common = -SpecialFunctions.lnGamma(r) + r * Math.log(alpha) + SpecialFunctions.lnGamma(a + b)
                - SpecialFunctions.lnGamma(b);
        double lnA = Math.log(a);
        for (int j = 0; j < xs.length; j++) {
            int x = xs[j];
            constant[j] = common + SpecialFunctions.lnGamma(r + x) + SpecialFunctions.lnGamma(b + x)
                    - SpecialFunctions.lnGamma(a + b + x);
            dropTerm[j] = x > 0 ? lnA - Math.log(b + x - 1) : Double.NEGATIVE_INFINITY;
        }
        int[] xIndex = data.xIndex;
        int[] recencyIndex = data.recencyIndex;
        int[] ageIndex = data.ageIndex;
        double[] weight = data.weight;
        double sum = 0;
        for (int g = 0; g < weight.length; g++) {
            int j = xIndex[g];
            double rx = r + xs[j];
            double alive = -rx * lnAlphaPlus[ageIndex[g]];
            double ll;
            if (xs[j] > 0) {
                double dropped = dropTerm[j] - rx * lnAlphaPlus[recencyIndex[g]];
                double max = Math.max(alive, dropped);
                ll = max + Math.log1p(Math.exp(-Math.abs(alive - dropped)));
            } else {
                ll = alive;
            }
            sum += weight[g] * (constant[j] + ll);
        }
        return sum;
    }
}
