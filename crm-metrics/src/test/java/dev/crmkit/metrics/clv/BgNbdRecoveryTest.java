package dev.crmkit.metrics.clv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BG/NBD and Gamma-Gamma recover the parameters of data drawn from them.
 *
 * <p>Tolerances: over twelve seeds of the BG/NBD draw below (20,000 customers, ages 39-104 weeks) the relative errors
 * had standard deviations of about 1% (r), 2.3% (alpha), 3% (a) and 6.5% (b); the tolerances are about four of those
 * (b and a, which only the drop-outs inform, are the least precise). A second parameter set over ten seeds: r 1.5%,
 * alpha 1.9%, a 5%, b 7.8%, checked at 8%, 12%, 20% and 30%. The Gamma-Gamma draw (20,000 customers with 1-10 repeat
 * purchases) over ten seeds: p 6.5%, q 1.2%, v 7.6%, checked at 25%, 5% and 30%; p and v trade off against each other,
 * and their mean spend p v / (q - 1) (0.5%) is checked at 2%.
 */
class BgNbdRecoveryTest {

    private static final double[] CDNOW = {0.243, 4.414, 0.793, 2.426};
    private static final double[] SPEND = {6, 4, 15};

    @Test
    void fit_dataDrawnFromCdnowParameters_recoversEachParameter() {
        CustomerSummaries summaries = new Simulation(20_240_601L).draw(20_000, CDNOW, 39, 104, null);
        BgNbdModel model = BgNbd.fit(summaries);
        assertTrue(model.converged());
        assertEquals(CDNOW[0], model.r(), 0.05 * CDNOW[0], "r");
        assertEquals(CDNOW[1], model.alpha(), 0.10 * CDNOW[1], "alpha");
        assertEquals(CDNOW[2], model.a(), 0.15 * CDNOW[2], "a");
        assertEquals(CDNOW[3], model.b(), 0.25 * CDNOW[3], "b");
    }

    @Test
    void fit_dataDrawnFromOtherParameters_recoversEachParameter() {
        double[] truth = {0.8, 10, 0.5, 3};
        CustomerSummaries summaries = new Simulation(77).draw(20_000, truth, 39, 104, null);
        BgNbdModel model = BgNbd.fit(summaries);
        assertTrue(model.converged());
        assertEquals(truth[0], model.r(), 0.08 * truth[0], "r");
        assertEquals(truth[1], model.alpha(), 0.12 * truth[1], "alpha");
        assertEquals(truth[2], model.a(), 0.20 * truth[2], "a");
        assertEquals(truth[3], model.b(), 0.30 * truth[3], "b");
    }

    @Test
    void fit_spendDrawnFromGammaGamma_recoversEachParameter() {
        CustomerSummaries summaries = new Simulation(4_242).drawSpend(20_000, 10, SPEND);
        GammaGammaModel model = GammaGamma.fit(summaries);
        assertTrue(model.converged());
        assertEquals(20_000, model.customers());
        assertEquals(SPEND[0], model.p(), 0.25 * SPEND[0], "p");
        assertEquals(SPEND[1], model.q(), 0.05 * SPEND[1], "q");
        assertEquals(SPEND[2], model.v(), 0.30 * SPEND[2], "v");
        double meanSpend = SPEND[0] * SPEND[2] / (SPEND[1] - 1);
        assertEquals(meanSpend, model.p() * model.v() / (model.q() - 1), 0.02 * meanSpend, "mean spend");
    }
}
