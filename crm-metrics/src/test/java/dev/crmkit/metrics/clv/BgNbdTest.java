package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BG/NBD likelihood and predictions against independent formulas and the paper's worked example. */
class BgNbdTest {

    private static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    private static final BgNbdModel[] MODELS = {CDNOW, BgNbdModel.of(1.5, 10, 2.0, 0.7),
        BgNbdModel.of(0.5, 1, 0.3, 5), BgNbdModel.of(3, 0.8, 1.2, 12)};
    private static final double[][] CUSTOMERS = {{0, 0, 10}, {0, 0, 0}, {1, 5, 10}, {2, 30.43, 38.86},
        {3, 20.5, 38.86}, {7, 30, 31}};

    /** The likelihood as the paper writes it, in plain space, with the gamma and beta ratios as finite products. */
    private static double naiveLikelihood(BgNbdModel m, int x, double tx, double age) {
        double gammaRatio = Math.pow(m.alpha(), m.r());
        double betaRatio = 1;
        for (int k = 0; k < x; k++) {
            gammaRatio *= m.r() + k;
            betaRatio *= (m.b() + k) / (m.a() + m.b() + k);
        }
        double bracket = Math.pow(m.alpha() + age, -(m.r() + x));
        if (x > 0) {
            bracket += m.a() / (m.b() + x - 1) * Math.pow(m.alpha() + tx, -(m.r() + x));
        }
        return gammaRatio * betaRatio * bracket;
    }

    /** Equation 10 of the paper as written, with the untransformed 2F1. */
    private static double naiveExpectation(BgNbdModel m, double t, int x, double tx, double age) {
        double z = t / (m.alpha() + age + t);
        double f = SpecialFunctions.hyp2f1(m.r() + x, m.b() + x, m.a() + m.b() + x - 1, z);
        double bracket = 1 - Math.pow((m.alpha() + age) / (m.alpha() + age + t), m.r() + x) * f;
        double denominator = 1;
        if (x > 0) {
            denominator += m.a() / (m.b() + x - 1) * Math.pow((m.alpha() + age) / (m.alpha() + tx), m.r() + x);
        }
        return (m.a() + m.b() + x - 1) / (m.a() - 1) * bracket / denominator;
    }

    @Test
    void logLikelihood_matchesNaiveProductFormula() {
        for (BgNbdModel model : MODELS) {
            for (double[] c : CUSTOMERS) {
                double expected = Math.log(naiveLikelihood(model, (int) c[0], c[1], c[2]));
                assertEquals(expected, model.logLikelihood((int) c[0], c[1], c[2]), 1e-11,
                        model + " at " + c[0] + "," + c[1] + "," + c[2]);
            }
        }
    }

    @Test
    void logLikelihood_ofSummariesWithRepeatedRows_isSumOverRows() {
        int n = 3_000;
        Random random = new Random(3);
        String[] ids = new String[n];
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "c" + i;
            age[i] = random.nextInt(20);
            x[i] = age[i] == 0 ? 0 : random.nextInt(4);
            tx[i] = x[i] == 0 ? 0 : 1 + random.nextInt((int) age[i]);
        }
        CustomerSummaries summaries = CustomerSummaries.ofColumns(Simulation.EUR, TimeUnit.WEEK, ids, x, tx, age,
                new long[n]);
        for (BgNbdModel model : MODELS) {
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += model.logLikelihood(x[i], tx[i], age[i]);
            }
            assertEquals(expected, BgNbd.logLikelihood(model, summaries), 1e-10 * Math.abs(expected));
        }
    }

    @Test
    void expectedPurchases_paperExample_is1226() {
        assertEquals(1.226, CDNOW.expectedPurchases(39, 2, 30.43, 38.86), 0.0005);
    }

    @Test
    void expectedPurchases_matchesUntransformedFormula() {
        for (BgNbdModel model : MODELS) {
            for (double[] c : CUSTOMERS) {
                for (double t : new double[] {1, 39, 150}) {
                    double expected = naiveExpectation(model, t, (int) c[0], c[1], c[2]);
                    assertEquals(expected, model.expectedPurchases(t, (int) c[0], c[1], c[2]),
                            1e-9 * Math.max(1, expected), model + " t=" + t);
                }
            }
        }
    }

    @Test
    void expectedPurchases_atAEqualsOne_isTheLimit() {
        double below = BgNbdModel.of(0.5, 3, 1 - 1e-7, 2).expectedPurchases(20, 2, 5, 10);
        double at = BgNbdModel.of(0.5, 3, 1, 2).expectedPurchases(20, 2, 5, 10);
        double above = BgNbdModel.of(0.5, 3, 1 + 1e-7, 2).expectedPurchases(20, 2, 5, 10);
        assertEquals(below, at, 1e-6);
        assertEquals(above, at, 1e-6);
    }

    @Test
    void expectedPurchasesNewCustomer_matchesMonteCarlo() {
        Simulation simulation = new Simulation(99);
        Random random = new Random(100);
        double horizon = 39;
        int customers = 200_000;
        long purchases = 0;
        for (int i = 0; i < customers; i++) {
            double lambda = simulation.gamma(CDNOW.r(), CDNOW.alpha());
            double p = simulation.beta(CDNOW.a(), CDNOW.b());
            double now = 0;
            while (true) {
                now += -Math.log(1 - random.nextDouble()) / lambda;
                if (now > horizon) {
                    break;
                }
                purchases++;
                if (random.nextDouble() < p) {
                    break;
                }
            }
        }
        double mean = purchases / (double) customers;
        assertEquals(mean, CDNOW.expectedPurchasesNewCustomer(horizon), 0.04 * mean);
    }

    @Test
    void probabilityAlive_matchesFormula() {
        double expected = 1 / (1 + 0.793 / (2.426 + 1) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2));
        assertEquals(expected, CDNOW.probabilityAlive(2, 30.43, 38.86), 1e-14);
        assertEquals(1, CDNOW.probabilityAlive(0, 0, 38.86));
        assertTrue(CDNOW.probabilityAlive(5, 2, 50) < CDNOW.probabilityAlive(5, 48, 50));
    }

    @Test
    void expectedPurchases_nonPositiveHorizon_throws() {
        ValidationException e = assertThrows(ValidationException.class, () -> CDNOW.expectedPurchases(0, 1, 1, 2));
        assertEquals("horizon", e.violations().get(0).field());
        assertThrows(ValidationException.class, () -> CDNOW.expectedPurchasesNewCustomer(-1));
    }

    @Test
    void expectedPurchases_recencyAboveAge_throws() {
        ValidationException e = assertThrows(ValidationException.class, () -> CDNOW.expectedPurchases(1, 1, 3, 2));
        assertEquals("recency", e.violations().get(0).field());
    }

    @Test
    void of_nonPositiveParameter_throws() {
        ValidationException e = assertThrows(ValidationException.class, () -> BgNbdModel.of(0.2, 0, 1, 1));
        assertEquals("alpha", e.violations().get(0).field());
    }

    @Test
    void fit_noRepeatPurchases_throws() {
        CustomerSummaries summaries = CustomerSummaries.ofColumns(Simulation.EUR, TimeUnit.WEEK,
                new String[] {"a", "b"}, new int[] {0, 0}, new double[] {0, 0}, new double[] {3, 5}, new long[2]);
        ValidationException e = assertThrows(ValidationException.class, () -> BgNbd.fit(summaries));
        assertEquals("frequency", e.violations().get(0).field());
    }

    @Test
    void fit_reportsLikelihoodOfDataAsGivenAndBeatsTrueParameters() {
        CustomerSummaries summaries = new Simulation(5).draw(2_000, new double[] {0.243, 4.414, 0.793, 2.426}, 26,
                78, null);
        BgNbdModel fitted = BgNbd.fit(summaries);
        assertTrue(fitted.converged());
        assertEquals(2_000, fitted.customers());
        assertEquals(BgNbd.logLikelihood(fitted, summaries), fitted.logLikelihood(), 1e-9 * summaries.size());
        assertTrue(fitted.logLikelihood() >= BgNbd.logLikelihood(CDNOW, summaries));
        assertEquals(fitted, BgNbd.fit(summaries));
    }

    @Test
    void fit_everyoneBuyingAtOneRateWithoutDropOut_isFlaggedNotConverged() {
        CustomerSummaries summaries = Simulation.withoutDropOut(2_000, new Random(11), r -> 20 + r.nextInt(40));
        BgNbdModel fitted = BgNbd.fit(summaries);
        assertFalse(fitted.converged());
        String reason = fitted.notConvergedReason().orElseThrow();
        assertTrue(reason.contains("ran off") && reason.contains("towards") && reason.contains("What to do"), reason);
    }

    @Test
    void notConvergedReason_ofAConvergedModel_isEmpty() {
        assertTrue(CDNOW.notConvergedReason().isEmpty());
    }

    @Test
    void expectedPurchases_atRunOffParameters_explainsInsteadOfA2F1Overflow() {
        BgNbdModel ranOff = new BgNbdModel(0.5, 1, 1e12, 1, -10, 2, false);

        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> ranOff.expectedPurchases(1e6, 3, 40, 50));
        assertTrue(e.getMessage().startsWith("expected purchases cannot be computed"), e.getMessage());
        assertTrue(e.getMessage().contains("a = 1.00e+12 towards infinity"), e.getMessage());
    }
}
