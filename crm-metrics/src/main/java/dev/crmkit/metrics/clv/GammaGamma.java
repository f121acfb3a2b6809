package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Arrays;
import java.util.Objects;

/**
 * Fits the Gamma-Gamma model of spend per purchase (Fader and Hardie 2013, "The Gamma-Gamma model of monetary value")
 * by maximum likelihood, on the customers with at least one repeat purchase and a positive monetary value.
 *
 * <p>The model: a customer's purchases are Gamma(shape p, rate nu), nu ~ Gamma(shape q, rate v) across customers,
 * independent of the purchase process. The likelihood of a customer's mean m of x repeat purchases is
 * <pre>
 *   ln L = ln Gamma(p x + q) - ln Gamma(p x) - ln Gamma(q) + q ln v + (p x - 1) ln m + p x ln x - (p x + q) ln(x m + v)
 * </pre>
 * The fit maximises its sum with {@link Bfgs} over log p, log q, log v and the analytic gradient
 * <pre>
 *   d/dp = x (psi(p x + q) - psi(p x) + ln x + ln m - ln(x m + v))
 *   d/dq = psi(p x + q) - psi(q) + ln v - ln(x m + v)
 *   d/dv = q / v - (p x + q) / (x m + v)
 * </pre>
 * until every component of the gradient of the mean log-likelihood per customer is at most 1e-9, with the amounts
 * divided by their mean while fitting (v is scaled back; the reported log-likelihood is that of the amounts as given, in major units).
 * Deterministic.
 */
public final class GammaGamma {

    private static final double GRADIENT_TOLERANCE = 1e-9;
    private static final int MAX_ITERATIONS = 1_000;
    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_RESTARTS = 10;
    private static final double LOG_BOUND = 30;
    private static final double LOG_LIMIT = 25;

    private GammaGamma() {
    }

    /**
     * Fits the model to the rows with frequency &gt; 0 and monetary value &gt; 0 (the others are skipped).
     *
     * <p>Non-convergence is reported, not thrown: {@link GammaGammaModel#converged()} is false when the optimiser ran
     * out of its budget, or when a parameter ran off towards 0 or infinity (beyond e^-25 or e^25 in fitting scale,
     * a limiting case fitting better than any proper model); the parameters are then the best found.
     *
     * @throws ValidationException if fewer than two customers have a repeat purchase with a positive amount, or the
     *                             likelihood is not finite at the optimum found
     */
    public static GammaGammaModel fit(CustomerSummaries summaries) {
        GammaGammaData data = fittingData(summaries);
        Bfgs.Minimum minimum = new Bfgs((z, gradient) -> objective(data, z, gradient), GRADIENT_TOLERANCE,
                MAX_ITERATIONS).minimize(new double[] {0, Math.log(2), 0});
        return model(data, minimum.point(), minimum.value(), minimum.converged());
    }

    /**
     * The fit as it was made before the gradient: a {@link NelderMead} simplex restarted until a restart gains less
     * than {@code valueTolerance} relative per customer, within 20,000 evaluations. Kept as the reference the gradient
     * fit is tested against.
     */
    static GammaGammaModel fitNelderMead(CustomerSummaries summaries, double valueTolerance, double pointTolerance) {
        GammaGammaData data = fittingData(summaries);
        NelderMead optimiser = new NelderMead(z -> objective(data, z, new double[3]), 0.5, valueTolerance,
                pointTolerance, MAX_EVALUATIONS);
        NelderMead.Minimum minimum = optimiser.minimize(new double[] {0, Math.log(2), 0}, MAX_RESTARTS);
        return model(data, minimum.point(), minimum.value(), minimum.converged());
    }

    private static GammaGammaData fittingData(CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        int n = summaries.size();
        int[] x = new int[n];
        double[] m = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double monetary = summaries.monetary(i);
            if (summaries.frequency(i) > 0 && monetary > 0) {
                x[k] = summaries.frequency(i);
                m[k] = monetary;
                k++;
            }
        }
        if (k < 2) {
            throw ValidationException.of("frequency", "repeat-purchases", "Gamma-Gamma needs at least two customers "
                    + "with a repeat purchase of a positive amount, found " + k);
        }
        double mean = 0;
        for (int i = 0; i < k; i++) {
            mean += m[i] / k;
        }
        double[] scaled = new double[k];
        for (int i = 0; i < k; i++) {
            scaled[i] = m[i] / mean;
        }
        return new GammaGammaData(Arrays.copyOf(x, k), scaled, mean);
    }

    private static GammaGammaModel model(GammaGammaData data, double[] z, double value, boolean converged) {
        double p = Math.exp(z[0]);
        double q = Math.exp(z[1]);
        double v = Math.exp(z[2]) * data.mean;
        double logLikelihood = -value * data.size() - data.size() * Math.log(data.mean);
        if (!Double.isFinite(logLikelihood)) {
            throw ValidationException.of("fit", "converged", "Gamma-Gamma likelihood is not finite at p=" + p
                    + ", q=" + q + ", v=" + v + "; the data cannot be fitted");
        }
        boolean proper = Math.abs(z[0]) < LOG_LIMIT && Math.abs(z[1]) < LOG_LIMIT && Math.abs(z[2]) < LOG_LIMIT;
        return new GammaGammaModel(p, q, v, logLikelihood, data.size(), converged && proper);
    }

    /**
     * Minus the mean log-likelihood per customer at log-parameters {@code z} of the scaled amounts, with its gradient
     * in z written into {@code gradient}; +infinity beyond e^30 either way.
     */
    static double objective(GammaGammaData data, double[] z, double[] gradient) {
        for (double value : z) {
            if (Math.abs(value) > LOG_BOUND) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double[] p = {Math.exp(z[0]), Math.exp(z[1]), Math.exp(z[2])};
        double value = data.valueAndGradient(p[0], p[1], p[2], gradient);
        for (int i = 0; i < 3; i++) {
            gradient[i] *= -p[i] / data.size();
        }
        return -value / data.size();
    }

    /** Fitting input: per customer x and ln m, with x's distinct values indexed for the log-gamma terms. */
    static final class GammaGammaData {
        private final int[] xs;
        private final int[] xIndex;
        private final double[] lnX;
        private final double[] countPerX;
        private final double[] m;
        private final double[] lnM;
        private final double mean;

        GammaGammaData(int[] x, double[] m, double mean) {
            int[] sorted = x.clone();
            Arrays.sort(sorted);
            int k = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[k++] = sorted[i];
                }
            }
            this.xs = Arrays.copyOf(sorted, k);
            this.lnX = new double[k];
            for (int j = 0; j < k; j++) {
                lnX[j] = Math.log(xs[j]);
            }
            this.xIndex = new int[x.length];
            this.countPerX = new double[k];
            this.m = m;
            this.mean = mean;
            this.lnM = new double[m.length];
            for (int i = 0; i < x.length; i++) {
                xIndex[i] = Arrays.binarySearch(xs, x[i]);
                countPerX[xIndex[i]]++;
                lnM[i] = Math.log(m[i]);
            }
        }

        int size() {
            return m.length;
        }

        /** The log-likelihood at (p, q, v); writes its gradient in (p, q, v) into {@code gradient}. */
        double valueAndGradient(double p, double q, double v, double[] gradient) {
            int k = xs.length;
            double[] gammaTerm = new double[k];
            double[] psiTerm = new double[k];
            double psiQ = SpecialFunctions.digamma(q);
            double lnV = Math.log(v);
            double sum = m.length * (q * lnV - SpecialFunctions.lnGamma(q));
            double dp = 0;
            double dq = m.length * (lnV - psiQ);
            for (int j = 0; j < k; j++) {
                double px = p * xs[j];
                double psiPxq = SpecialFunctions.digamma(px + q);
                gammaTerm[j] = SpecialFunctions.lnGamma(px + q) - SpecialFunctions.lnGamma(px) + px * lnX[j];
                psiTerm[j] = psiPxq - SpecialFunctions.digamma(px) + lnX[j];
                dp += countPerX[j] * xs[j] * psiTerm[j];
                dq += countPerX[j] * psiPxq;
            }
            double dv = m.length * q / v;
            for (int i = 0; i < m.length; i++) {
                int j = xIndex[i];
                int x = xs[j];
                double px = p * x;
                double s = x * m[i] + v;
                double lnS = Math.log(s);
                sum += gammaTerm[j] + (px - 1) * lnM[i] - (px + q) * lnS;
                dp += x * (lnM[i] - lnS);
                dq -= lnS;
                dv -= (px + q) / s;
            }
            gradient[0] = dp;
            gradient[1] = dq;
            gradient[2] = dv;
            return sum;
        }
    }
}
