package dev.crmkit.metrics.clv;

import java.util.function.ToDoubleFunction;

/**
 * A deterministic Nelder-Mead simplex minimiser (Lagarias et al. coefficients: reflection 1, expansion 2, contraction
 * and shrink 1/2) that restarts from its best point with a fresh simplex until a restart no longer improves the
 * minimum, which guards against the simplex collapsing early. A value that is NaN counts as +infinity.
 */
final class NelderMead {

    /**
     * Where the minimiser stopped.
     *
     * @param point       the best point found
     * @param value       the function's value there
     * @param evaluations how many times the function was called
     * @param converged   whether the tolerances were met within the evaluation budget
     */
    record Minimum(double[] point, double value, int evaluations, boolean converged) {
    }

    private final ToDoubleFunction<double[]> function;
    private final double step;
    private final double valueTolerance;
    private final double pointTolerance;
    private final int maxEvaluations;
    private int evaluations;

    NelderMead(ToDoubleFunction<double[]> function, double step, double valueTolerance, double pointTolerance,
            int maxEvaluations) {
        this.function = function;
        this.step = step;
        this.valueTolerance = valueTolerance;
        this.pointTolerance = pointTolerance;
        this.maxEvaluations = maxEvaluations;
    }

    /** Minimises from a start point, restarting at most {@code maxRestarts} times. */
    Minimum minimize(double[] start, int maxRestarts) {
        double[] best = start.clone();
        double bestValue = evaluate(best);
        for (int restart = 0; restart <= maxRestarts; restart++) {
            double before = bestValue;
            boolean met = run(best);
            bestValue = evaluate(best);
            if (!met) {
                return new Minimum(best, bestValue, evaluations, false);
            }
            if (restart > 0 && before - bestValue <= valueTolerance * (1 + Math.abs(bestValue))) {
                return new Minimum(best, bestValue, evaluations, true);
            }
        }
        return new Minimum(best, bestValue, evaluations, false);
    }

    /** One simplex run from {@code point}, which it overwrites with the best vertex; whether tolerances were met. */
    private boolean run(double[] point) {
        int dim = point.length;
        double[][] simplex = new double[dim + 1][];
        double[] values = new double[dim + 1];
        for (int i = 0; i <= dim; i++) {
            simplex[i] = point.clone();
            if (i > 0) {
                simplex[i][i - 1] += step;
            }
            values[i] = evaluate(simplex[i]);
        }
        boolean met = false;
        while (evaluations < maxEvaluations) {
            order(simplex, values);
            if (converged(simplex, values)) {
                met = true;
                break;
            }
            iterate(simplex, values);
        }
        order(simplex, values);
        System.arraycopy(simplex[0], 0, point, 0, dim);
        return met;
    }

    private void iterate(double[][] simplex, double[] values) {
        int dim = simplex.length - 1;
        double[] centroid = new double[dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                centroid[j] += simplex[i][j] / dim;
            }
        }
        double[] worst = simplex[dim];
        double[] reflected = along(centroid, worst, 1);
        double fr = evaluate(reflected);
        if (fr < values[0]) {
            double[] expanded = along(centroid, worst, 2);
            double fe = evaluate(expanded);
            replaceWorst(simplex, values, fe < fr ? expanded : reflected, Math.min(fe, fr));
        } else if (fr < values[dim - 1]) {
            replaceWorst(simplex, values, reflected, fr);
        } else {
            boolean outside = fr < values[dim];
            double[] contracted = along(centroid, worst, outside ? 0.5 : -0.5);
            double fc = evaluate(contracted);
            if (fc < (outside ? fr : values[dim])) {
                replaceWorst(simplex, values, contracted, fc);
            } else {
                shrink(simplex, values);
            }
        }
    }

    private static double[] along(double[] centroid, double[] worst, double coefficient) {
        double[] out = new double[centroid.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = centroid[j] + coefficient * (centroid[j] - worst[j]);
        }
        return out;
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        simplex[simplex.length - 1] = point;
        values[values.length - 1] = value;
    }

    private void shrink(double[][] simplex, double[] values) {
        for (int i = 1; i < simplex.length; i++) {
            for (int j = 0; j < simplex[i].length; j++) {
                simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
            }
            values[i] = evaluate(simplex[i]);
        }
    }

    private boolean converged(double[][] simplex, double[] values) {
        double spread = values[values.length - 1] - values[0];
        if (!(spread <= valueTolerance * (1 + Math.abs(values[0])))) {
            return false;
        }
        for (int i = 1; i < simplex.length; i++) {
            for (int j = 0; j < simplex[i].length; j++) {
                if (Math.abs(simplex[i][j] - simplex[0][j]) > pointTolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Insertion sort by value, stable, so ties keep their order and the run is deterministic. */
    private static void order(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            double v = values[i];
            double[] p = simplex[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }
            values[j + 1] = v;
            simplex[j + 1] = p;
        }
    }

    private double evaluate(double[] point) {
        evaluations++;
        double value = function.applyAsDouble(point);
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }
}
