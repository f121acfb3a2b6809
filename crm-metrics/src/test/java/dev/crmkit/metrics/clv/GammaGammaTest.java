package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gamma-Gamma likelihood, conditional expectation and refusals. */
class GammaGammaTest {

    private static final GammaGammaModel MODEL = GammaGammaModel.of(6, 4, 15);

    private static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }

    @Test
    void logLikelihood_integerShapes_matchDensityWithFactorials() {
        GammaGammaModel model = GammaGammaModel.of(2, 3, 7.5);
        int x = 3;
        double m = 4.2;
        int px = 6;
        double density = factorial(px + 3 - 1) / (factorial(px - 1) * factorial(3 - 1)) * Math.pow(7.5, 3)
                * Math.pow(m, px - 1) * Math.pow(x, px) / Math.pow(x * m + 7.5, px + 3);
        assertEquals(Math.log(density), model.logLikelihood(x, m), 1e-12);
    }

    @Test
    void expectedAverageValue_repeatBuyer_isWeightedTowardsOwnMean() {
        assertEquals(22.0, MODEL.expectedAverageValue(2, 20), 1e-12);
    }

    @Test
    void expectedAverageValue_noRepeat_isPopulationMean() {
        assertEquals(30.0, MODEL.expectedAverageValue(0, 0), 1e-12);
    }

    @Test
    void expectedAverageValue_ofSummary_isMoneyRoundedHalfEven() {
        CustomerSummary customer = new CustomerSummary("ann", 3, 2, 5, Money.of("10.00", "EUR"), TimeUnit.WEEK);
        assertEquals(Money.of("12.86", "EUR"), MODEL.expectedAverageValue(customer));
    }

    @Test
    void expectedAverageValue_qAtMostOne_throws() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> GammaGammaModel.of(6, 0.9, 15).expectedAverageValue(1, 10));
        assertEquals("q", e.violations().get(0).field());
    }

    @Test
    void fit_fewerThanTwoRepeatBuyers_throws() {
        CustomerSummaries summaries = CustomerSummaries.ofColumns(Simulation.EUR, TimeUnit.WEEK,
                new String[] {"a", "b"}, new int[] {0, 2}, new double[] {0, 1}, new double[] {3, 5},
                new long[] {0, 1000});
        ValidationException e = assertThrows(ValidationException.class, () -> GammaGamma.fit(summaries));
        assertEquals("frequency", e.violations().get(0).field());
    }

    @Test
    void fit_reportsLikelihoodOfAmountsAsGiven() {
        CustomerSummaries summaries = new Simulation(8).drawSpend(1_000, 5, new double[] {6, 4, 15});
        GammaGammaModel model = GammaGamma.fit(summaries);
        assertTrue(model.converged());
        double expected = 0;
        for (int i = 0; i < summaries.size(); i++) {
            expected += model.logLikelihood(summaries.frequency(i), summaries.monetary(i));
        }
        assertEquals(expected, model.logLikelihood(), 1e-9 * Math.abs(expected));
        assertEquals(model, GammaGamma.fit(summaries));
    }
}
