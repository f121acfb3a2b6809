package dev.crmkit.metrics.clv;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A BG/NBD fit over many distinct rows starts where a fit to every 16th customer ended: it gives the parameters the
 * fit from the usual start gives (to 1e-7 relative, both with the same gradient tolerance) in at most half the
 * evaluations over all rows, the same customers in another order give bit-identical parameters (the sample is taken
 * from the sorted groups), and a limiting case is still reported as not converged.
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
    void manyRows_theSameCustomersInAnotherOrder_giveBitIdenticalParameters() {
        CustomerSummaries drawn = new Simulation(171).draw(80_000, new double[] {0.243, 4.414, 0.793, 2.426}, 5, 156,
                null);
        // each drawn customer 1 to 3 times, so that groups have weights above 1 and the sample splits some of them
        int n = 0;
        for (int i = 0; i < drawn.size(); i++) {
            n += 1 + i % 3;
        }
        String[] ids = new String[n];
        int[] frequency = new int[n];
        double[] recency = new double[n];
        double[] age = new double[n];
        int row = 0;
        for (int i = 0; i < drawn.size(); i++) {
            for (int copy = 0; copy <= i % 3; copy++) {
                ids[row] = "c" + row;
                frequency[row] = drawn.frequency(i);
                recency[row] = drawn.recency(i);
                age[row] = drawn.age(i);
                row++;
            }
        }
        // ofColumns keeps the arrays it is given: the shuffled summaries get copies
        CustomerSummaries inOrder = CustomerSummaries.ofColumns(Simulation.EUR, TimeUnit.WEEK, ids, frequency.clone(),
                recency.clone(), age.clone(), new long[n]);
        Random random = new Random(172);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            swap(frequency, i, j);
            swap(recency, i, j);
            swap(age, i, j);
        }
        CustomerSummaries shuffled = CustomerSummaries.ofColumns(Simulation.EUR, TimeUnit.WEEK, ids, frequency,
                recency, age, new long[n]);

        BgNbd.Fitted expected = BgNbd.fit(inOrder, true);
        BgNbd.Fitted actual = BgNbd.fit(shuffled, true);
        assertTrue(expected.model().converged(), "converged");
        assertTrue(2 * expected.evaluations() <= BgNbd.fit(inOrder, false).evaluations(),
                "the fit started from the sample's fit");
        assertEquals(Double.doubleToRawLongBits(expected.model().r()), Double.doubleToRawLongBits(actual.model().r()),
                "r: " + expected.model().r() + " in order, " + actual.model().r() + " shuffled");
        assertEquals(Double.doubleToRawLongBits(expected.model().alpha()),
                Double.doubleToRawLongBits(actual.model().alpha()), "alpha");
        assertEquals(Double.doubleToRawLongBits(expected.model().a()), Double.doubleToRawLongBits(actual.model().a()),
                "a: " + expected.model().a() + " in order, " + actual.model().a() + " shuffled");
        assertEquals(Double.doubleToRawLongBits(expected.model().b()), Double.doubleToRawLongBits(actual.model().b()),
                "b");
        assertEquals(expected.model(), actual.model());
        assertEquals(expected.evaluations(), actual.evaluations(), "evaluations");
    }

    private static void swap(int[] values, int i, int j) {
        int v = values[i];
        values[i] = values[j];
        values[j] = v;
    }

    private static void swap(double[] values, int i, int j) {
        double v = values[i];
        values[i] = values[j];
        values[j] = v;
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
