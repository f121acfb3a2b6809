package dev.crmkit.metrics.clv;

/**
 * The special functions the models need, which the JDK lacks: the log-gamma and digamma functions and the Gaussian
 * hypergeometric function 2F1 by its power series.
 */
final class SpecialFunctions {

    private static final double HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double EPSILON = 1e-16;
    private static final int MAX_TERMS = 2_000_000;

    private SpecialFunctions() {
    }

    /**
     * ln Gamma(x) for x > 0, by the Lanczos approximation (g = 7, nine terms; relative error about 1e-15), with
     * Gamma(x) = Gamma(x + 1) / x below 0.5.
     *
     * @throws ArithmeticException if x is not a positive finite number
     */
    static double lnGamma(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new ArithmeticException("lnGamma needs a positive finite argument, was " + x);
        }
        if (x < 0.5) {
            return lnGamma(x + 1) - Math.log(x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + LANCZOS_G + 0.5;
        return HALF_LN_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /**
     * The digamma function psi(x) = d/dx ln Gamma(x) for x &gt; 0: shifted up to x &gt;= 10 by
     * psi(x) = psi(x + 1) - 1 / x, then the asymptotic series ln x - 1/(2x) - sum of B_2k / (2k x^2k) to x^-12
     * (absolute error below 1e-15 there).
     *
     * @throws ArithmeticException if x is not a positive finite number
     */
    static double digamma(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new ArithmeticException("digamma needs a positive finite argument, was " + x);
        }
        double shift = 0;
        while (x < 10) {
            shift -= 1 / x;
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760))))));
        return shift + Math.log(x) - 0.5 * inv - series;
    }

    /**
     * The Gaussian hypergeometric function 2F1(a, b; c; z) = sum over n of (a)_n (b)_n / ((c)_n n!) z^n.
     *
     * <p>Domain: real a, b, c with c not 0 or a negative integer, and |z| < 1 (the series' disc of convergence; it
     * converges slowly as |z| nears 1, needing about 35 / (1 - |z|) terms). The sum stops when the remaining tail,
     * bounded by a geometric series of ratio max(|current term ratio|, |z|) once that is below 1 and
     * n exceeds |a|, |b| and |c| (from there the term ratios move monotonically towards z), is below 1e-16 of the sum.
     *
     * @throws ArithmeticException outside the domain, or if the series does not converge within two million terms
     */
    static double hyp2f1(double a, double b, double c, double z) {
        return 1 + b * hyp2f1TailOverB(a, b, c, z);
    }

    /**
     * (2F1(a, b; c; z) - 1) / b, summed directly so that it has no cancellation when b is near or at 0: its terms are
     * u_1 = a z / c and u_(n+1) = u_n (a + n)(b + n) z / ((c + n)(n + 1)). Domain as {@link #hyp2f1}.
     */
    static double hyp2f1TailOverB(double a, double b, double c, double z) {
        if (!(Math.abs(z) < 1)) {
            throw new ArithmeticException("2F1 series needs |z| < 1, was " + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new ArithmeticException("2F1 needs c not 0 or a negative integer, was " + c);
        }
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
            throw new ArithmeticException("2F1 needs finite parameters, was " + a + ", " + b + ", " + c);
        }
        double term = a * z / c;
        double sum = term;
        int settled = (int) Math.ceil(Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c)))) + 2;
        for (int n = 1; n < MAX_TERMS; n++) {
            if (term == 0) {
                return sum;
            }
            double ratio = (a + n) * (b + n) * z / ((c + n) * (n + 1));
            term *= ratio;
            sum += term;
            if (!Double.isFinite(sum)) {
                throw new ArithmeticException("2F1 series overflowed for a=" + a + ", b=" + b + ", c=" + c
                        + ", z=" + z);
            }
            if (n >= settled) {
                double bound = Math.max(Math.abs(ratio), Math.abs(z));
                if (bound < 1 && Math.abs(term) * bound / (1 - bound) <= EPSILON * Math.abs(sum)) {
                    return sum;
                }
            }
        }
        throw new ArithmeticException("2F1 series did not converge in " + MAX_TERMS + " terms for a=" + a + ", b=" + b
                + ", c=" + c + ", z=" + z);
    }
}
