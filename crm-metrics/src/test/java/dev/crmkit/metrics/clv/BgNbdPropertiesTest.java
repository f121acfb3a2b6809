package dev.crmkit.metrics.clv;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

/** Laws of the BG/NBD predictions over random parameters and customers. */
class BgNbdPropertiesTest {

    private static final Gen<BgNbdModel> MODELS = doubles().between(0.05, 5)
            .zip(doubles().between(0.5, 50), doubles().between(0.05, 5), doubles().between(0.05, 10),
                    (r, alpha, a, b) -> BgNbdModel.of(r, alpha, a, b));

    /** x, t_x, T with 0 &lt;= t_x &lt;= T, t_x = 0 when x = 0. */
    private static final Gen<double[]> CUSTOMERS = integers().between(0, 40)
            .zip(doubles().between(0, 1), doubles().between(0, 150), (x, share, age) ->
                    new double[] {x, x == 0 ? 0 : share * age, age});

    private static final Gen<double[]> HORIZONS = doubles().between(0.01, 300)
            .zip(doubles().between(0, 300), (first, extra) -> new double[] {first, first + extra});

    @Test
    void probabilityAlive_isBetweenZeroAndOne() {
        qt().withFixedSeed(61).forAll(MODELS, CUSTOMERS).checkAssert((model, c) -> {
            double p = model.probabilityAlive((int) c[0], c[1], c[2]);
            if (!(p >= 0 && p <= 1)) {
                throw new AssertionError("probability alive " + p + " for " + model);
            }
        });
    }

    @Test
    void expectedPurchases_isNonNegativeAndNonDecreasingInHorizon() {
        qt().withFixedSeed(62).forAll(MODELS, CUSTOMERS, HORIZONS).checkAssert((model, c, h) -> {
            double shorter = model.expectedPurchases(h[0], (int) c[0], c[1], c[2]);
            double longer = model.expectedPurchases(h[1], (int) c[0], c[1], c[2]);
            if (!(shorter >= 0 && longer >= shorter - 1e-9 * (1 + shorter))) {
                throw new AssertionError("E(" + h[0] + ")=" + shorter + ", E(" + h[1] + ")=" + longer + " for "
                        + model + " at x=" + c[0] + ", tx=" + c[1] + ", T=" + c[2]);
            }
        });
    }
}
