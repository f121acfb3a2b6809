package dev.crmkit.metrics.clv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BFGS minimiser on functions with known minima. */
class BfgsTest {

    @Test
    void minimize_rosenbrock_reachesOneOne() {
        Bfgs.Objective rosenbrock = (p, g) -> {
            double a = 1 - p[0];
            double b = p[1] - p[0] * p[0];
            g[0] = -2 * a - 400 * p[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        Bfgs.Minimum minimum = new Bfgs(rosenbrock, 1e-10, 1_000).minimize(new double[] {-1.2, 1});
        assertTrue(minimum.converged());
        assertEquals(1, minimum.point()[0], 1e-8);
        assertEquals(1, minimum.point()[1], 1e-8);
        assertTrue(minimum.evaluations() < 200, "evaluations " + minimum.evaluations());
    }

    @Test
    void minimize_illConditionedQuadratic_reachesCentre() {
        double[] weights = {1, 1e3, 1e-2, 50};
        double[] centre = {3, -2, 7, 0.5};
        Bfgs.Objective quadratic = (p, g) -> {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                double d = p[i] - centre[i];
                sum += weights[i] * d * d;
                g[i] = 2 * weights[i] * d;
            }
            return sum;
        };
        Bfgs.Minimum minimum = new Bfgs(quadratic, 1e-12, 1_000).minimize(new double[4]);
        assertTrue(minimum.converged());
        for (int i = 0; i < 4; i++) {
            assertEquals(centre[i], minimum.point()[i], 1e-9, "coordinate " + i);
        }
    }

    @Test
    void minimize_valueUndefinedBeyondABound_shrinksStepsAndStaysInside() {
        Bfgs.Objective bounded = (p, g) -> {
            if (Math.abs(p[0]) > 2) {
                return Double.POSITIVE_INFINITY;
            }
            g[0] = 2 * (p[0] - 1.5);
            return (p[0] - 1.5) * (p[0] - 1.5);
        };
        Bfgs.Minimum minimum = new Bfgs(bounded, 1e-12, 100).minimize(new double[] {-1.9});
        assertTrue(minimum.converged());
        assertEquals(1.5, minimum.point()[0], 1e-10);
    }

    @Test
    void minimize_unboundedBelow_isNotConverged() {
        Bfgs.Objective line = (p, g) -> {
            g[0] = -1;
            return -p[0];
        };
        Bfgs.Minimum minimum = new Bfgs(line, 1e-10, 50).minimize(new double[] {0});
        assertFalse(minimum.converged());
    }
}
