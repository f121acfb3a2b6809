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
 * The fit maximises its sum with a {@link NelderMead} simplex over log p, log q, log v (restarted until a restart gains
 * less than 1e-10 relative per customer, within 20,000 evaluations), with the amounts divided by their mean while
 * fitting (v is scaled back; the reported log-likelihood is that of the amounts as given, in major units).
 * Deterministic.
 */
public final class GammaGamma {

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
        return fit(Arrays.copyOf(x, k), Arrays.copyOf(m, k));
    }

    private static GammaGammaModel fit(int[] x, double[] m) {
        double mean = 0;
        for (double value : m) {
            mean += value / m.length;
        }
        double[] scaled = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            scaled[i] = m[i] / mean;
        }
        GammaGammaData data = new GammaGammaData(x, scaled);
        NelderMead optimiser = new NelderMead(z -> objective(data, z), 0.5, 1e-10, 1e-6, MAX_EVALUATIONS);
        NelderMead.Minimum minimum = optimiser.minimize(new double[] {0, Math.log(2), 0}, MAX_RESTARTS);
        double[] z = minimum.point();
        double p = Math.exp(z[0]);
        double q = Math.exp(z[1]);
        double v = Math.exp(z[2]) * mean;
        double logLikelihood = -minimum.value() * m.length - m.length * Math.log(mean);
        if (!Double.isFinite(logLikelihood)) {
            throw ValidationException.of("fit", "converged", "Gamma-Gamma likelihood is not finite at p=" + p
                    + ", q=" + q + ", v=" + v + "; the data cannot be fitted");
        }
        boolean proper = Math.abs(z[0]) < LOG_LIMIT && Math.abs(z[1]) < LOG_LIMIT && Math.abs(z[2]) < LOG_LIMIT;
        return new GammaGammaModel(p, q, v, logLikelihood, m.length, minimum.converged() && proper);
    }

    private static double objective(GammaGammaData data, double[] z) {
        for (double value : z) {
            if (Math.abs(value) > LOG_BOUND) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return -data.logLikelihood(Math.exp(z[0]), Math.exp(z[1]), Math.exp(z[2])) / data.size();
    }

    /** Fitting input: per customer x and ln m, with x's distinct values indexed for the log-gamma terms. */
    private static final class GammaGammaData {
        private final int[] xs;
        private final int[] xIndex;
        private final double[] lnX;
        private final double[] m;
        private final double[] lnM;

        GammaGammaData(int[] x, double[] m) {
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
            this.m = m;
            this.lnM = new double[m.length];
            for (int i = 0; i < x.length; i++) {
                xIndex[i] = Arrays.binarySearch(xs, x[i]);
                lnM[i] = Math.log(m[i]);
            }
        }

        int size() {
            return m.length;
        }

        double logLikelihood(double p, double q, double v) {
            double[] gammaTerm = new double[xs.length];
            for (int j = 0; j < xs.length; j++) {
                double px = p * xs[j];
                gammaTerm[j] = SpecialFunctions.lnGamma(px + q) - SpecialFunctions.lnGamma(px) + px * lnX[j];
            }
            double sum = m.length * (q * Math.log(v) - SpecialFunctions.lnGamma(q));
            for (int i = 0; i < m.length; i++) {
                int j = xIndex[i];
                double px = p * xs[j];
                sum += gammaTerm[j] + (px - 1) * lnM[i] - (px + q) * Math.log(xs[j] * m[i] + v);
            }
            return sum;
        }
    }
}
