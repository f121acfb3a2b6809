package dev.crmkit.metrics.clv;

import java.util.Currency;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Draws customer summaries from the BG/NBD and Gamma-Gamma models with known parameters, straight into primitive
 * columns, from a fixed seed.
 */
final class Simulation {

    static final Currency EUR = Currency.getInstance("EUR");

    private final Random random;

    Simulation(long seed) {
        this.random = new Random(seed);
    }

    /** Gamma(shape, rate) by Marsaglia and Tsang (2000), boosted by U^(1/shape) for shape &lt; 1. */
    double gamma(double shape, double rate) {
        if (shape < 1) {
            return gamma(shape + 1, rate) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v / rate;
            }
        }
    }

    /** Beta(a, b) as G1 / (G1 + G2). */
    double beta(double a, double b) {
        double g1 = gamma(a, 1);
        double g2 = gamma(b, 1);
        return g1 / (g1 + g2);
    }

    /**
     * BG/NBD customers: lambda ~ Gamma(r, alpha), p ~ Beta(a, b), first purchase at 0, age T uniform in
     * [minAge, maxAge], exponential waits between purchases while alive, drop-out with probability p after each repeat
     * purchase. With spend: each customer's purchases are Gamma(p, nu), nu ~ Gamma(q, v), and the repeat total is
     * kept in cents (at least one cent per purchase).
     */
    CustomerSummaries draw(int customers, double[] bgNbd, double minAge, double maxAge, double[] gammaGamma) {
        String[] ids = new String[customers];
        int[] frequency = new int[customers];
        double[] recency = new double[customers];
        double[] age = new double[customers];
        long[] repeat = new long[customers];
        for (int i = 0; i < customers; i++) {
            ids[i] = "c" + i;
            double lambda = gamma(bgNbd[0], bgNbd[1]);
            double p = beta(bgNbd[2], bgNbd[3]);
            double t = minAge + (maxAge - minAge) * random.nextDouble();
            double now = 0;
            int x = 0;
            double last = 0;
            while (true) {
                now += -Math.log(1 - random.nextDouble()) / lambda;
                if (now > t) {
                    break;
                }
                x++;
                last = now;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            frequency[i] = x;
            recency[i] = last;
            age[i] = t;
            if (gammaGamma != null && x > 0) {
                double nu = gamma(gammaGamma[1], gammaGamma[2]);
                double total = gamma(gammaGamma[0] * x, nu);
                repeat[i] = Math.max(x, Math.round(total * 100));
            }
        }
        return CustomerSummaries.ofColumns(EUR, TimeUnit.WEEK, ids, frequency, recency, age, repeat);
    }

    /**
     * Gamma-Gamma customers only: frequency uniform in 1..maxFrequency, nu ~ Gamma(q, v), the mean of x purchases
     * Gamma(p x, x nu), kept in cents; recency and age are placeholders (both 1 week).
     */
    CustomerSummaries drawSpend(int customers, int maxFrequency, double[] gammaGamma) {
        String[] ids = new String[customers];
        int[] frequency = new int[customers];
        double[] times = new double[customers];
        long[] repeat = new long[customers];
        for (int i = 0; i < customers; i++) {
            ids[i] = "c" + i;
            int x = 1 + random.nextInt(maxFrequency);
            double nu = gamma(gammaGamma[1], gammaGamma[2]);
            frequency[i] = x;
            times[i] = 1;
            repeat[i] = Math.max(x, Math.round(gamma(gammaGamma[0] * x, nu) * 100));
        }
        return CustomerSummaries.ofColumns(EUR, TimeUnit.WEEK, ids, frequency, times, times, repeat);
    }

    /**
     * Customers who all buy at rate 1 per week and never drop out (a limiting case of BG/NBD, whose fit runs off):
     * for each, an age drawn by {@code age}, then exponential waits up to it.
     */
    static CustomerSummaries withoutDropOut(int n, Random random, ToDoubleFunction<Random> age) {
        String[] ids = new String[n];
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "c" + i;
            t[i] = age.applyAsDouble(random);
            double now = -Math.log(1 - random.nextDouble());
            while (now <= t[i]) {
                x[i]++;
                tx[i] = now;
                now += -Math.log(1 - random.nextDouble());
            }
        }
        return CustomerSummaries.ofColumns(EUR, TimeUnit.WEEK, ids, x, tx, t, new long[n]);
    }
}
