package dev.crmkit.metrics.clv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradient fits (BFGS) give the same parameters as the Nelder-Mead fits they replace, to 1e-6 relative, on
 * CDNOW-like data (2,357 customers drawn from the CDNOW estimates, first purchases in the first 12 of 39 weeks, times
 * in whole days) and on generated data, and at least their likelihood.
 */
class ClvFitAgreementTest {

    private static final double[] CDNOW = {0.243, 4.414, 0.793, 2.426};
    private static final double[] SPEND = {6.25, 3.74, 15.44};

    /** Times rounded to whole days, as summaries of real orders have them. */
    private static CustomerSummaries wholeDays(CustomerSummaries s) {
        int n = s.size();
        String[] ids = new String[n];
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        long[] repeat = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = s.customerId(i);
            x[i] = s.frequency(i);
            age[i] = Math.round(s.age(i) * 7) / 7.0;
            tx[i] = Math.min(age[i], Math.round(s.recency(i) * 7) / 7.0);
            repeat[i] = x[i] == 0 ? 0 : Math.round(s.monetary(i) * 100) * x[i];
        }
        return CustomerSummaries.ofColumns(s.currency(), TimeUnit.WEEK, ids, x, tx, age, repeat);
    }

    private static void assertSameBgNbd(BgNbdModel expected, BgNbdModel actual) {
        assertTrue(actual.converged());
        assertEquals(expected.r(), actual.r(), 1e-6 * expected.r(), "r");
        assertEquals(expected.alpha(), actual.alpha(), 1e-6 * expected.alpha(), "alpha");
        assertEquals(expected.a(), actual.a(), 1e-6 * expected.a(), "a");
        assertEquals(expected.b(), actual.b(), 1e-6 * expected.b(), "b");
        assertTrue(actual.logLikelihood() >= expected.logLikelihood() - 1e-9 * Math.abs(expected.logLikelihood()));
    }

    private static void assertSameGammaGamma(GammaGammaModel expected, GammaGammaModel actual) {
        assertTrue(actual.converged());
        assertEquals(expected.p(), actual.p(), 1e-6 * expected.p(), "p");
        assertEquals(expected.q(), actual.q(), 1e-6 * expected.q(), "q");
        assertEquals(expected.v(), actual.v(), 1e-6 * expected.v(), "v");
        assertTrue(actual.logLikelihood() >= expected.logLikelihood() - 1e-9 * Math.abs(expected.logLikelihood()));
    }

    @Test
    void bgNbd_cdnowLike_sameParametersAsNelderMead() {
        CustomerSummaries summaries = wholeDays(new Simulation(1997).draw(2_357, CDNOW, 27, 39, SPEND));
        assertSameBgNbd(BgNbd.fitNelderMead(summaries, 1e-10, 1e-6), BgNbd.fit(summaries));
    }

    @Test
    void bgNbd_generated_sameParametersAsNelderMead() {
        double[][] truths = {{1.5, 10, 2.0, 0.7}, {0.5, 1, 0.3, 5}, {0.8, 3, 1.2, 12}};
        long seed = 40;
        for (double[] truth : truths) {
            CustomerSummaries summaries = new Simulation(seed++).draw(20_000, truth, 5, 156, null);
            assertSameBgNbd(BgNbd.fitNelderMead(summaries, 1e-10, 1e-6), BgNbd.fit(summaries));
        }
    }

    @Test
    void gammaGamma_cdnowLike_sameParametersAsNelderMead() {
        CustomerSummaries summaries = wholeDays(new Simulation(1997).draw(2_357, CDNOW, 27, 39, SPEND));
        assertSameGammaGamma(GammaGamma.fitNelderMead(summaries, 1e-10, 1e-6), GammaGamma.fit(summaries));
    }

    @Test
    void gammaGamma_generated_sameParametersAsNelderMead() {
        CustomerSummaries summaries = new Simulation(77).drawSpend(20_000, 8, new double[] {4, 3, 20});
        assertSameGammaGamma(GammaGamma.fitNelderMead(summaries, 1e-10, 1e-6), GammaGamma.fit(summaries));
    }
}
