package dev.crmkit.metrics.clv;

/**
 * The BG/NBD log-likelihood of grouped data together with its gradient in the four parameters, in one tight loop over
 * primitive arrays. With A = -(r + x) ln(alpha + T), D = ln a - ln(b + x - 1) - (r + x) ln(alpha + t_x) and
 * w = e^D / (e^A + e^D) (the share of "dropped out after the last purchase", 0 when x = 0), a customer's
 * log-likelihood is C(x) + ln(e^A + e^D), and
 * <pre>
 *   d/dr     = psi(r + x) - psi(r) + ln alpha - (1 - w) ln(alpha + T) - w ln(alpha + t_x)
 *   d/dalpha = r / alpha - (r + x) ((1 - w) / (alpha + T) + w / (alpha + t_x))
 *   d/da     = psi(a + b) - psi(a + b + x) + w / a
 *   d/db     = psi(a + b) + psi(b + x) - psi(b) - psi(a + b + x) - w / (b + x - 1)
 * </pre>
 * The terms in x alone are computed once per distinct x and weighted by how many customers have it; the logarithms
 * once per distinct time; each group of equal (x, t_x, T) costs one exp, one log and one division (ln(1 + e) with
 * e = e^-|A - D| in (0, 1]: log1p is not an intrinsic and would cost more than the rest of the loop, and the
 * absolute error it avoids is below 1e-16).
 */
final class BgNbdLikelihood {

    private BgNbdLikelihood() {
    }

    /**
     * The weighted log-likelihood at (r, alpha, a, b); writes its gradient with respect to (r, alpha, a, b), in that
     * order, into {@code gradient}.
     */
    static double valueAndGradient(BgNbdData data, double r, double alpha, double a, double b, double[] gradient) {
        double[] times = data.times;
        double[] lnAlphaPlus = new double[times.length];
        double[] invAlphaPlus = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            double s = alpha + times[k];
            lnAlphaPlus[k] = Math.log(s);
            invAlphaPlus[k] = 1 / s;
        }
        int[] xs = data.xs;
        double[] countPerX = data.countPerX;
        double lnAlpha = Math.log(alpha);
        double lnA = Math.log(a);
        double psiR = SpecialFunctions.digamma(r);
        double psiAb = SpecialFunctions.digamma(a + b);
        double psiB = SpecialFunctions.digamma(b);
        double common = -SpecialFunctions.lnGamma(r) + r * lnAlpha + SpecialFunctions.lnGamma(a + b)
                - SpecialFunctions.lnGamma(b);
        double[] dropTerm = new double[xs.length];
        double[] invB = new double[xs.length];
        double value = 0;
        double dr = 0;
        double dAlpha = 0;
        double da = 0;
        double db = 0;
        for (int j = 0; j < xs.length; j++) {
            int x = xs[j];
            double n = countPerX[j];
            value += n * (common + SpecialFunctions.lnGamma(r + x) + SpecialFunctions.lnGamma(b + x)
                    - SpecialFunctions.lnGamma(a + b + x));
            double psiAbx = SpecialFunctions.digamma(a + b + x);
            dr += n * (SpecialFunctions.digamma(r + x) - psiR + lnAlpha);
            dAlpha += n * r / alpha;
            da += n * (psiAb - psiAbx);
            db += n * (psiAb + SpecialFunctions.digamma(b + x) - psiB - psiAbx);
            if (x > 0) {
                dropTerm[j] = lnA - Math.log(b + x - 1);
                invB[j] = 1 / (b + x - 1);
            } else {
                dropTerm[j] = Double.NEGATIVE_INFINITY;
            }
        }
        int[] xIndex = data.xIndex;
        int[] recencyIndex = data.recencyIndex;
        int[] ageIndex = data.ageIndex;
        double[] weight = data.weight;
        double dropShare = 0;
        double dropShareOverB = 0;
        for (int g = 0; g < weight.length; g++) {
            int j = xIndex[g];
            int x = xs[j];
            double rx = r + x;
            int t = ageIndex[g];
            double alive = -rx * lnAlphaPlus[t];
            double wg = weight[g];
            if (x > 0) {
                int tx = recencyIndex[g];
                double dropped = dropTerm[j] - rx * lnAlphaPlus[tx];
                double e = Math.exp(-Math.abs(alive - dropped));
                double w = dropped > alive ? 1 / (1 + e) : e / (1 + e);
                double ww = wg * w;
                double wa = wg - ww;
                value += wg * (Math.max(alive, dropped) + Math.log(1 + e));
                dr -= wa * lnAlphaPlus[t] + ww * lnAlphaPlus[tx];
                dAlpha -= rx * (wa * invAlphaPlus[t] + ww * invAlphaPlus[tx]);
                dropShare += ww;
                dropShareOverB += ww * invB[j];
            } else {
                value += wg * alive;
                dr -= wg * lnAlphaPlus[t];
                dAlpha -= wg * rx * invAlphaPlus[t];
            }
        }
        gradient[0] = dr;
        gradient[1] = dAlpha;
        gradient[2] = da + dropShare / a;
        gradient[3] = db - dropShareOverB;
        return value;
    }
}
