package dev.crmkit.metrics.clv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Log-gamma and 2F1 against closed forms. */
class SpecialFunctionsTest {

    @Test
    void lnGamma_integers_matchLogFactorials() {
        double lnFactorial = 0;
        for (int n = 1; n <= 30; n++) {
            assertEquals(lnFactorial, SpecialFunctions.lnGamma(n), 1e-13 * Math.max(1, lnFactorial), "n=" + n);
            lnFactorial += Math.log(n);
        }
    }

    @Test
    void lnGamma_half_isLnRootPi() {
        assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.lnGamma(0.5), 1e-14);
        assertEquals(Math.log(0.75 * Math.sqrt(Math.PI)), SpecialFunctions.lnGamma(2.5), 1e-14);
    }

    @Test
    void lnGamma_belowHalf_usesRecurrence() {
        assertEquals(2.252712651734206, SpecialFunctions.lnGamma(0.1), 1e-13);
        assertEquals(Math.log(Math.sqrt(Math.PI) * 2), SpecialFunctions.lnGamma(0.5) + Math.log(2), 1e-14);
    }

    @Test
    void lnGamma_notPositive_throws() {
        assertThrows(ArithmeticException.class, () -> SpecialFunctions.lnGamma(0));
    }

    @Test
    void hyp2f1_oneOneTwo_isMinusLogOneMinusZOverZ() {
        for (double z : new double[] {-0.5, 0.1, 0.5, 0.9, 0.99}) {
            assertEquals(-Math.log1p(-z) / z, SpecialFunctions.hyp2f1(1, 1, 2, z), 1e-13, "z=" + z);
        }
    }

    @Test
    void hyp2f1_bEqualsC_isPowerOfOneMinusZ() {
        for (double z : new double[] {0.2, 0.7, 0.95}) {
            double expected = Math.pow(1 - z, -1.7);
            assertEquals(expected, SpecialFunctions.hyp2f1(1.7, 3.2, 3.2, z), 1e-12 * expected, "z=" + z);
        }
    }

    @Test
    void hyp2f1_negativeIntegerA_terminates() {
        double b = 1.5;
        double c = 2.5;
        double z = 0.8;
        double expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
        assertEquals(expected, SpecialFunctions.hyp2f1(-2, b, c, z), 1e-15);
    }

    @Test
    void hyp2f1TailOverB_atZeroB_isDerivativeInB() {
        double z = 0.5;
        double expected = -Math.log1p(-z) - (-Math.log1p(-z) - z) / z;
        assertEquals(expected, SpecialFunctions.hyp2f1TailOverB(1, 0, 2, z), 1e-14);
    }

    @Test
    void hyp2f1_outsideDomain_throws() {
        assertThrows(ArithmeticException.class, () -> SpecialFunctions.hyp2f1(1, 1, 2, 1));
        assertThrows(ArithmeticException.class, () -> SpecialFunctions.hyp2f1(1, 1, -2, 0.5));
    }
}
