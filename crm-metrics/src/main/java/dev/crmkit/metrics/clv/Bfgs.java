package dev.crmkit.metrics.clv;

import java.util.Arrays;

/**
 * A deterministic BFGS minimiser of a smooth function with a gradient: the inverse Hessian approximation starts as the
 * identity scaled after the first step (Nocedal and Wright, "Numerical Optimization", 2nd ed., eq. 6.20), or as a given
 * one (a fit of similar data ended with, {@link Minimum#inverseHessian()}), and every
 * step satisfies the strong Wolfe conditions (c1 = 1e-4, c2 = 0.9) found by bracketing and zooming with safeguarded
 * cubic interpolation (their algorithms 3.5 and 3.6). A value that is NaN or infinite counts as "too far": the line
 * search shrinks the step. The minimiser stops when the largest component of the gradient is at most the tolerance
 * (converged), when no step along the search direction lowers the value any more (converged when the gradient is
 * then at most a thousand times the tolerance: the value has reached its rounding floor, where a gradient of g moves
 * it by about g squared), or after the iteration budget.
 */
final class Bfgs {

    /** A function of a point that also writes its gradient there. */
    @FunctionalInterface
    interface Objective {
        /**
         * The value at {@code point}; writes the gradient into {@code gradient} (same length as the point). May return
         * NaN or an infinity where the function is not defined.
         */
        double valueAndGradient(double[] point, double[] gradient);
    }

    /**
     * Where the minimiser stopped.
     *
     * @param point       the best point found
     * @param value       the function's value there
     * @param gradient    its gradient there
     * @param evaluations how many times the function (with its gradient) was called
     * @param iterations  how many steps were taken
     * @param converged   whether the gradient tolerance was met
     * @param inverseHessian the approximation of the inverse Hessian at the point
     */
    record Minimum(double[] point, double value, double[] gradient, int evaluations, int iterations,
            boolean converged, double[][] inverseHessian) {
    }

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LINE_SEARCH = 40;
    private static final int MAX_ZOOM = 12;
    private static final double STALL_FACTOR = 1e3;
    private static final double ROUNDING = 1e-12;

    private final Objective objective;
    private final double gradientTolerance;
    private final int maxIterations;
    private int evaluations;

    /** A minimiser of {@code objective} to a largest gradient component of {@code gradientTolerance}. */
    Bfgs(Objective objective, double gradientTolerance, int maxIterations) {
        this.objective = objective;
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /** Minimises from {@code start}, which must be a point where the function is finite. */
    Minimum minimize(double[] start) {
        return minimize(start, null);
    }

    /**
     * Minimises from {@code start}, which must be a point where the function is finite, with {@code inverseHessian}
     * (when not {@code null}: a positive definite approximation of the inverse Hessian there, such as a fit of similar
     * data ended with) as the first approximation instead of the identity.
     */
    Minimum minimize(double[] start, double[][] inverseHessian) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double f = evaluate(x, g);
        if (!Double.isFinite(f)) {
            return new Minimum(x, f, g, evaluations, 0, false, identity(n, 1));
        }
        boolean given = inverseHessian != null;
        double[][] h = given ? copy(inverseHessian) : identity(n, 1);
        boolean identity = !given;
        boolean firstStep = !given;
        double[] d = new double[n];
        Step step = new Step(n);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (largest(g) <= gradientTolerance) {
                return new Minimum(x, f, g, evaluations, iteration, true, h);
            }
            direction(h, g, d);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                h = identity(n, 1);
                identity = true;
                direction(h, g, d);
                slope = dot(g, d);
            }
            double initial = firstStep ? Math.min(1, 1 / largest(g)) : 1;
            if (!lineSearch(x, f, g, d, slope, initial, step)) {
                if (largest(g) <= STALL_FACTOR * gradientTolerance) {
                    return new Minimum(x, f, g, evaluations, iteration, true, h);
                }
                if (!identity) {
                    h = identity(n, 1);
                    identity = true;
                    iteration--;
                    continue;
                }
                return new Minimum(x, f, g, evaluations, iteration, largest(g) <= STALL_FACTOR * gradientTolerance, h);
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = step.point[i] - x[i];
                y[i] = step.gradient[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-300) {
                if (firstStep || identity) {
                    h = identity(n, sy / dot(y, y));
                }
                update(h, s, y, sy);
                identity = false;
            }
            firstStep = false;
            System.arraycopy(step.point, 0, x, 0, n);
            System.arraycopy(step.gradient, 0, g, 0, n);
            f = step.value;
        }
        return new Minimum(x, f, g, evaluations, maxIterations, largest(g) <= gradientTolerance, h);
    }

    /** The trial point of a line search, its value and gradient. */
    private static final class Step {
        final double[] point;
        final double[] gradient;
        double value;
        double alpha;
        double slope;

        Step(int n) {
            point = new double[n];
            gradient = new double[n];
        }

        void copyFrom(Step other) {
            System.arraycopy(other.point, 0, point, 0, point.length);
            System.arraycopy(other.gradient, 0, gradient, 0, gradient.length);
            value = other.value;
            alpha = other.alpha;
            slope = other.slope;
        }
    }

    /**
     * Finds a step length meeting the strong Wolfe conditions and leaves that point in {@code out}; false when none
     * lowering the value was found.
     */
    private boolean lineSearch(double[] x, double f0, double[] g0, double[] d, double slope0, double initial,
            Step out) {
        int n = x.length;
        Step previous = new Step(n);
        previous.alpha = 0;
        previous.value = f0;
        previous.slope = slope0;
        System.arraycopy(x, 0, previous.point, 0, n);
        System.arraycopy(g0, 0, previous.gradient, 0, n);
        Step trial = new Step(n);
        double alpha = initial;
        for (int i = 0; i < MAX_LINE_SEARCH; i++) {
            probe(x, d, alpha, trial);
            if (meetsTolerance(trial, f0)) {
                out.copyFrom(trial);
                return true;
            }
            if (!Double.isFinite(trial.value) || trial.value > f0 + C1 * alpha * slope0
                    || (i > 0 && trial.value >= previous.value)) {
                return zoom(x, f0, d, slope0, previous, trial, out);
            }
            if (Math.abs(trial.slope) <= -C2 * slope0) {
                out.copyFrom(trial);
                return true;
            }
            if (trial.slope >= 0) {
                return zoom(x, f0, d, slope0, trial, previous, out);
            }
            previous.copyFrom(trial);
            alpha *= 2;
        }
        out.copyFrom(previous);
        return previous.alpha > 0;
    }

    /** Algorithm 3.6: {@code lo} meets sufficient decrease and has the lowest value of the bracket. */
    private boolean zoom(double[] x, double f0, double[] d, double slope0, Step lo, Step hi, Step out) {
        int n = x.length;
        Step low = new Step(n);
        low.copyFrom(lo);
        Step high = new Step(n);
        high.copyFrom(hi);
        Step trial = new Step(n);
        for (int i = 0; i < MAX_ZOOM; i++) {
            double alpha = interpolate(low, high);
            probe(x, d, alpha, trial);
            if (meetsTolerance(trial, f0)) {
                out.copyFrom(trial);
                return true;
            }
            if (!Double.isFinite(trial.value) || trial.value > f0 + C1 * alpha * slope0
                    || trial.value >= low.value) {
                high.copyFrom(trial);
            } else {
                if (Math.abs(trial.slope) <= -C2 * slope0) {
                    out.copyFrom(trial);
                    return true;
                }
                if (trial.slope * (high.alpha - low.alpha) >= 0) {
                    high.copyFrom(low);
                }
                low.copyFrom(trial);
            }
            if (Math.abs(high.alpha - low.alpha) <= 1e-16 * Math.max(1, low.alpha)) {
                break;
            }
        }
        out.copyFrom(low);
        return low.alpha > 0 && low.value < f0;
    }

    /**
     * The minimiser of the cubic through both ends' values and slopes, kept at least a tenth of the bracket away from
     * either end; the midpoint when the high end is not finite or the cubic has no real minimiser.
     */
    private static double interpolate(Step low, Step high) {
        double a = low.alpha;
        double b = high.alpha;
        double width = b - a;
        double guess = a + width / 2;
        if (Double.isFinite(high.value) && Double.isFinite(high.slope)) {
            double d1 = low.slope + high.slope - 3 * (low.value - high.value) / (a - b);
            double radicand = d1 * d1 - low.slope * high.slope;
            if (radicand >= 0) {
                double d2 = Math.signum(b - a) * Math.sqrt(radicand);
                double cubic = b - (b - a) * (high.slope + d2 - d1) / (high.slope - low.slope + 2 * d2);
                if (Double.isFinite(cubic)) {
                    guess = cubic;
                }
            }
        }
        double lower = Math.min(a, b) + 0.1 * Math.abs(width);
        double upper = Math.max(a, b) - 0.1 * Math.abs(width);
        return Math.min(upper, Math.max(lower, guess));
    }

    /**
     * Whether a trial point is where the minimiser stops: its gradient within the tolerance and its value no higher
     * than the start's beyond rounding (a sum over many terms is only exact to about 1e-13 relative, so near the
     * minimum the value cannot tell the points apart any more and the gradient must).
     */
    private boolean meetsTolerance(Step trial, double f0) {
        return Double.isFinite(trial.value) && largest(trial.gradient) <= gradientTolerance
                && trial.value <= f0 + ROUNDING * (1 + Math.abs(f0));
    }

    private void probe(double[] x, double[] d, double alpha, Step trial) {
        for (int i = 0; i < x.length; i++) {
            trial.point[i] = x[i] + alpha * d[i];
        }
        trial.alpha = alpha;
        trial.value = evaluate(trial.point, trial.gradient);
        trial.slope = Double.isFinite(trial.value) ? dot(trial.gradient, d) : Double.NaN;
    }

    private double evaluate(double[] point, double[] gradient) {
        evaluations++;
        Arrays.fill(gradient, 0);
        double value = objective.valueAndGradient(point, gradient);
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        for (double component : gradient) {
            if (!Double.isFinite(component)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return value;
    }

    /** The inverse BFGS update H = (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / (s'y). */
    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            hy[i] = dot(h[i], y);
        }
        double yhy = dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    private static void direction(double[][] h, double[] g, double[] d) {
        for (int i = 0; i < d.length; i++) {
            d[i] = -dot(h[i], g);
        }
    }

    private static double[][] identity(int n, double diagonal) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = diagonal;
        }
        return h;
    }

    private static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static double largest(double[] v) {
        double max = 0;
        for (double component : v) {
            max = Math.max(max, Math.abs(component));
        }
        return max;
    }
}
