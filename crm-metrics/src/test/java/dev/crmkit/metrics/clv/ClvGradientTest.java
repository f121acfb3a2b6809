package dev.crmkit.metrics.clv;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytic gradients of the BG/NBD and Gamma-Gamma log-likelihoods and of the fitting objectives against central
 * finite differences, at random seeded parameter points and on random seeded data.
 */
class ClvGradientTest {

    private static final double[] STEPS = {1e-4, 1e-5};

    /** Data with repeated and unrepeated rows, whole and fractional times, x from 0 to 15. */
    private static CustomerSummaries randomSummaries(Random random, int n) {
        String[] ids = new String[n];
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        long[] repeat = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "c" + i;
            age[i] = random.nextBoolean() ? 1 + random.nextInt(60) : 0.5 + 60 * random.nextDouble();
            x[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(15);
            tx[i] = x[i] == 0 ? 0 : age[i] * random.nextDouble();
            repeat[i] = x[i] == 0 ? 0 : x[i] + random.nextInt(50_000);
        }
        return CustomerSummaries.ofColumns(Simulation.EUR, TimeUnit.WEEK, ids, x, tx, age, repeat);
    }

    private static double bgNbd(BgNbdData data, double[] p) {
        return BgNbd.logLikelihood(data, p[0], p[1], p[2], p[3]);
    }

    /** The central difference of f along coordinate i, relative step h; Richardson-extrapolated from h and h/2. */
    private static double centralDifference(java.util.function.ToDoubleFunction<double[]> f, double[] p, int i,
            double h) {
        double step = h * Math.max(1, Math.abs(p[i]));
        double coarse = difference(f, p, i, step);
        double fine = difference(f, p, i, step / 2);
        return (4 * fine - coarse) / 3;
    }

    private static double difference(java.util.function.ToDoubleFunction<double[]> f, double[] p, int i,
            double step) {
        double[] up = p.clone();
        double[] down = p.clone();
        up[i] += step;
        down[i] -= step;
        return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * step);
    }

    private static void assertGradient(java.util.function.ToDoubleFunction<double[]> f, double[] p,
            double[] analytic, double scale, String where) {
        for (int i = 0; i < p.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (double h : STEPS) {
                best = Math.min(best, Math.abs(centralDifference(f, p, i, h) - analytic[i]));
            }
            assertTrue(best <= 1e-6 * (scale + Math.abs(analytic[i])), where + " component " + i + ": analytic "
                    + analytic[i] + ", error " + best);
        }
    }

    @Test
    void bgNbdGradient_matchesCentralDifferences_atRandomPointsOnRandomData() {
        Random random = new Random(1701);
        for (int trial = 0; trial < 25; trial++) {
            CustomerSummaries summaries = randomSummaries(random, 50 + random.nextInt(400));
            BgNbdData data = BgNbdData.of(summaries.frequencies(), summaries.recencies(), summaries.ages(), 1);
            double[] p = {Math.exp(-3 + 5 * random.nextDouble()), Math.exp(-1 + 5 * random.nextDouble()),
                Math.exp(-3 + 5 * random.nextDouble()), Math.exp(-3 + 6 * random.nextDouble())};
            double[] gradient = new double[4];
            double value = BgNbdLikelihood.valueAndGradient(data, p[0], p[1], p[2], p[3], gradient);
            assertEquals(bgNbd(data, p), value, 1e-10 * Math.abs(value), "value at trial " + trial);
            assertGradient(q -> bgNbd(data, q), p, gradient, data.totalWeight, "BG/NBD trial " + trial);
        }
    }

    @Test
    void bgNbdObjective_gradientInLogParameters_matchesCentralDifferences() {
        Random random = new Random(1702);
        for (int trial = 0; trial < 10; trial++) {
            CustomerSummaries summaries = randomSummaries(random, 300);
            BgNbdData data = BgNbdData.of(summaries.frequencies(), summaries.recencies(), summaries.ages(), 6);
            double[] z = new double[4];
            for (int i = 0; i < 4; i++) {
                z[i] = -2 + 4 * random.nextDouble();
            }
            double[] gradient = new double[4];
            BgNbd.objective(data, z, gradient);
            assertGradient(q -> BgNbd.objective(data, q, new double[4]), z, gradient, 1, "objective " + trial);
        }
    }

    @Test
    void gammaGammaGradient_matchesCentralDifferences_atRandomPointsOnRandomData() {
        Random random = new Random(1703);
        for (int trial = 0; trial < 25; trial++) {
            CustomerSummaries summaries = randomSummaries(random, 50 + random.nextInt(400));
            int n = summaries.repeatCustomers();
            int[] x = new int[n];
            double[] m = new double[n];
            int k = 0;
            for (int i = 0; i < summaries.size(); i++) {
                if (summaries.frequency(i) > 0) {
                    x[k] = summaries.frequency(i);
                    m[k++] = summaries.monetary(i) / 100;
                }
            }
            GammaGamma.GammaGammaData data = new GammaGamma.GammaGammaData(x, m, 1);
            double[] p = {Math.exp(-2 + 5 * random.nextDouble()), Math.exp(-1 + 4 * random.nextDouble()),
                Math.exp(-2 + 5 * random.nextDouble())};
            double[] gradient = new double[3];
            double value = data.valueAndGradient(p[0], p[1], p[2], gradient);
            GammaGammaModel model = GammaGammaModel.of(p[0], p[1], p[2]);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += model.logLikelihood(x[i], m[i]);
            }
            assertEquals(expected, value, 1e-9 * Math.abs(expected), "value at trial " + trial);
            assertGradient(q -> data.valueAndGradient(q[0], q[1], q[2], new double[3]), p, gradient, n,
                    "Gamma-Gamma trial " + trial);
            double[] z = {Math.log(p[0]), Math.log(p[1]), Math.log(p[2])};
            double[] objectiveGradient = new double[3];
            GammaGamma.objective(data, z, objectiveGradient);
            assertGradient(q -> GammaGamma.objective(data, q, new double[3]), z, objectiveGradient, 1,
                    "Gamma-Gamma objective " + trial);
        }
    }

    @Test
    void digamma_matchesDerivativeOfLnGammaAndKnownValues() {
        double eulerGamma = 0.5772156649015329;
        assertEquals(-eulerGamma, SpecialFunctions.digamma(1), 1e-14);
        assertEquals(-eulerGamma - 2 * Math.log(2), SpecialFunctions.digamma(0.5), 1e-14);
        assertEquals(1 - eulerGamma + 0.5, SpecialFunctions.digamma(3), 1e-14);
        Random random = new Random(1704);
        for (int i = 0; i < 200; i++) {
            double x = Math.exp(-4 + 9 * random.nextDouble());
            double h = 1e-5 * x;
            double numeric = (SpecialFunctions.lnGamma(x + h) - SpecialFunctions.lnGamma(x - h)) / (2 * h);
            assertEquals(numeric, SpecialFunctions.digamma(x), 1e-7 * (1 + Math.abs(numeric)), "x=" + x);
        }
    }
}
