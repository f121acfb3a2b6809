package dev.crmkit.metrics.clv;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A BG/NBD fit over many distinct rows starts where a fit to every 16th customer ended: it gives the parameters the
 * fit from the usual start gives (to 1e-7 relative, both with the same gradient tolerance) in at most half the
 * evaluations over all rows, and a limiting case is still reported as not converged.
 */
class BgNbdSampleStartTest {

    @Test
    void manyRows_sameParametersAsFromTheUsualStart_inAtMostHalfTheFullEvaluations() {
        double[][] truths = {{0.243, 4.414, 0.793, 2.426}, {1.5, 10, 2.0, 0.7}, {0.8, 3, 1.2, 12}};
        long seed = 170;
        for (double[] truth : truths) {
            CustomerSummaries summaries = new Simulation(seed++).draw(120_000, truth, 5, 156, null);
            BgNbd.Fitted fromSample = BgNbd.fit(summaries, true);
            BgNbd.Fitted usual = BgNbd.fit(summaries, false);
            BgNbdModel expected = usual.model();
            BgNbdModel actual = fromSample.model();
            assertTrue(expected.converged() && actual.converged(), "converged");
            assertEquals(expected.r(), actual.r(), 1e-7 * expected.r(), "r");
            assertEquals(expected.alpha(), actual.alpha(), 1e-7 * expected.alpha(), "alpha");
            assertEquals(expected.a(), actual.a(), 1e-7 * expected.a(), "a");
            assertEquals(expected.b(), actual.b(), 1e-7 * expected.b(), "b");
            assertEquals(expected.logLikelihood(), actual.logLikelihood(), 1e-10 * Math.abs(expected.logLikelihood()),
                    "log-likelihood");
            assertTrue(2 * fromSample.evaluations() <= usual.evaluations(),
                    "evaluations over all rows: " + fromSample.evaluations() + " from the sample's fit, "
                            + usual.evaluations() + " from the usual start");
            assertEquals(actual, BgNbd.fit(summaries), "the public fit is the one from the sample");
        }
    }

    @Test
    void manyRows_everyoneBuyingAtOneRateWithoutDropOut_isStillFlaggedNotConverged() {
        CustomerSummaries summaries = Simulation.withoutDropOut(60_000, new Random(17), r -> 20 + 40 * r.nextDouble());
        BgNbdModel fitted = BgNbd.fit(summaries);
        assertFalse(fitted.converged());
        assertTrue(fitted.notConvergedReason().orElseThrow().contains("ran off"));
        assertFalse(BgNbd.fit(summaries, false).model().converged());
    }
}
