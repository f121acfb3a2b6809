package dev.crmkit.examples.cli.bench;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.clv.BgNbdModel;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates an order history from a seed straight into primitive columns (no object per order), drawn from the models
 * crmkit fits, so that a BG/NBD fit of it has a proper answer to find:
 * <ul>
 *   <li>each customer's first order falls on a uniformly drawn day of the three years {@link #FIRST_DAY} to
 *       {@link #LAST_DAY};</li>
 *   <li>after it, the customer buys at a Poisson rate of its own, drawn from Gamma(shape {@link #R}, rate alpha per
 *       week), and after each repeat purchase drops out for good with a probability of its own, drawn from
 *       Beta({@link #A}, {@link #B}) (BG/NBD); alpha is chosen so that the model's expected purchases fill about
 *       {@link #SAME_DAY_SHARE 90%} of the requested orders;</li>
 *   <li>each order's amount is drawn from Gamma(shape {@link #P}, rate nu), nu being the customer's own spend rate
 *       drawn from Gamma(shape {@link #Q}, rate {@link #V}) (Gamma-Gamma: a right-skewed spread with a mean of 60.00);
 *       amounts are in cents, at least 1;</li>
 *   <li>the remaining orders, up to the exact count requested, are second baskets on a day the customer already
 *       bought (they do not change a BG/NBD summary, whose purchases are days); should the purchases overshoot (small
 *       runs), the latest purchases of randomly drawn repeat customers are dropped instead.</li>
 * </ul>
 * Orders come out in date order (within a day, by customer index), as an order log would hold them. Every customer has
 * at least one order. A customer's purchases are derived from the seed and the customer's index alone, so the same seed
 * and sizes give the same columns. Stateless and thread-safe.
 */
public final class OrderGenerator {

    /** The first day an order can fall on. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    /** The last day an order can fall on: the end of observation of the generated history. */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    /** BG/NBD shape of the purchase rates. */
    public static final double R = 0.8;
    /** BG/NBD first shape of the drop-out probabilities. */
    public static final double A = 0.6;
    /** BG/NBD second shape of the drop-out probabilities. */
    public static final double B = 4.0;
    /** Gamma-Gamma shape of one customer's order amounts. */
    public static final double P = 3.0;
    /** Gamma-Gamma shape of the customers' spend rates. */
    public static final double Q = 4.0;
    /** Gamma-Gamma rate of the customers' spend rates, in major units (mean order value P x V / (Q - 1) = 60). */
    public static final double V = 60.0;
    /** The share of orders left to second baskets on a day already bought on. */
    public static final double SAME_DAY_SHARE = 0.1;

    private static final int FIRST = Math.toIntExact(FIRST_DAY.toEpochDay());
    private static final int LAST = Math.toIntExact(LAST_DAY.toEpochDay());
    private static final int DAYS = LAST - FIRST + 1;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private OrderGenerator() {
    }

    /**
     * Generates {@code orders} orders of {@code customers} customers.
     *
     * @throws ValidationException naming {@code customers} if it is below 1, or {@code orders} if it is below the
     *                             number of customers (each customer has an order)
     */
    public static GeneratedOrders generate(long seed, int orders, int customers) {
        if (customers < 1) {
            throw ValidationException.of("customers", "positive", "must be at least 1, was " + customers);
        }
        if (orders < customers) {
            throw ValidationException.of("orders", "at-least-customers", "must be at least the " + customers
                    + " customers (each has an order), was " + orders);
        }
        double alpha = alphaFor(Math.max(1, (1 - SAME_DAY_SHARE) * orders / customers));
        Purchases drawn = Purchases.draw(seed, customers, alpha, orders);
        int[] keep = drawn.counts();
        SplittableRandom adjust = new SplittableRandom(seed ^ GOLDEN);
        long excess = (long) drawn.size - orders;
        if (excess > 0) {
            dropLatest(keep, excess, adjust);
        }
        int[] extra = new int[customers];
        for (long deficit = -excess; deficit > 0; deficit--) {
            extra[adjust.nextInt(customers)]++;
        }
        return drawn.inDateOrder(keep, extra, orders, adjust, new BgNbdModel(R, alpha, A, B, Double.NaN, 0, true));
    }

    /**
     * The alpha (per week) at which a customer's expected orders over the generated years, averaged over the day of
     * the first order, equal {@code meanOrders}: bisection on ln alpha, since fewer purchases are expected as alpha
     * grows.
     */
    static double alphaFor(double meanOrders) {
        double low = Math.log(1e-4);
        double high = Math.log(1e8);
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (meanOrders(Math.exp(mid)) > meanOrders) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Math.exp((low + high) / 2);
    }

    private static double meanOrders(double alpha) {
        BgNbdModel model = BgNbdModel.of(R, alpha, A, B);
        int grid = 64;
        double sum = 0;
        for (int k = 0; k < grid; k++) {
            double weeks = (k + 0.5) * DAYS / grid / 7.0;
            sum += model.expectedPurchasesNewCustomer(weeks);
        }
        return 1 + sum / grid;
    }

    /** Drops the latest purchase of randomly drawn customers with two or more, {@code excess} times. */
    private static void dropLatest(int[] keep, long excess, SplittableRandom random) {
        int[] candidates = new int[keep.length];
        int n = 0;
        for (int c = 0; c < keep.length; c++) {
            if (keep[c] >= 2) {
                candidates[n++] = c;
            }
        }
        for (long left = excess; left > 0; left--) {
            int pick = random.nextInt(n);
            int c = candidates[pick];
            if (--keep[c] == 1) {
                candidates[pick] = candidates[--n];
            }
        }
    }

    /** A Gamma(shape, rate 1) draw (Marsaglia and Tsang; shapes below 1 boosted by U^(1/shape)). */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(1 - random.nextDouble(), 1 / shape);
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
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static long cents(SplittableRandom random, double spendRate) {
        return Math.max(1, Math.round(gamma(random, P) / spendRate * 100));
    }

    /** The purchases drawn from the model, grouped by customer in time order, before the count is made exact. */
    private static final class Purchases {
        private final int[] start;
        private final double[] spendRate;
        private int[] days;
        private long[] amounts;
        private int size;

        private Purchases(int customers, int capacity) {
            start = new int[customers + 1];
            spendRate = new double[customers];
            days = new int[capacity];
            amounts = new long[capacity];
        }

        static Purchases draw(long seed, int customers, double alphaPerWeek, int expected) {
            Purchases out = new Purchases(customers, expected + expected / 8 + 16);
            double alphaPerDay = alphaPerWeek * 7;
            for (int c = 0; c < customers; c++) {
                SplittableRandom random = new SplittableRandom(seed + c * GOLDEN);
                int first = FIRST + random.nextInt(DAYS);
                double rate = gamma(random, R) / alphaPerDay;
                double ga = gamma(random, A);
                double dropout = ga / (ga + gamma(random, B));
                double spend = gamma(random, Q) / V;
                out.spendRate[c] = spend;
                out.start[c] = out.size;
                out.add(first, cents(random, spend));
                double t = first;
                while (true) {
                    t += -Math.log(1 - random.nextDouble()) / rate;
                    if (!(t < LAST + 1)) {
                        break;
                    }
                    out.add((int) t, cents(random, spend));
                    if (random.nextDouble() < dropout) {
                        break;
                    }
                }
            }
            out.start[customers] = out.size;
            return out;
        }

        private void add(int day, long cents) {
            if (size == days.length) {
                int grown = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, size + (long) size / 2 + 16));
                days = Arrays.copyOf(days, grown);
                amounts = Arrays.copyOf(amounts, grown);
            }
            days[size] = day;
            amounts[size] = cents;
            size++;
        }

        int[] counts() {
            int[] counts = new int[spendRate.length];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = start[c + 1] - start[c];
            }
            return counts;
        }

        /**
         * The first {@code keep[c]} purchases of each customer plus {@code extra[c]} second baskets on one of its
         * kept days, placed by a counting sort on the day.
         */
        GeneratedOrders inDateOrder(int[] keep, int[] extra, int orders, SplittableRandom random,
                BgNbdModel truth) {
            int customers = keep.length;
            int[] extraStart = new int[customers + 1];
            for (int c = 0; c < customers; c++) {
                extraStart[c + 1] = extraStart[c] + extra[c];
            }
            int[] extraDay = new int[extraStart[customers]];
            long[] extraCents = new long[extraDay.length];
            int[] perDay = new int[DAYS + 1];
            for (int c = 0; c < customers; c++) {
                for (int j = start[c]; j < start[c] + keep[c]; j++) {
                    perDay[days[j] - FIRST + 1]++;
                }
                for (int e = extraStart[c]; e < extraStart[c + 1]; e++) {
                    extraDay[e] = days[start[c] + random.nextInt(keep[c])];
                    extraCents[e] = cents(random, spendRate[c]);
                    perDay[extraDay[e] - FIRST + 1]++;
                }
            }
            for (int d = 1; d <= DAYS; d++) {
                perDay[d] += perDay[d - 1];
            }
            int[] customerOf = new int[orders];
            int[] epochDay = new int[orders];
            long[] minorUnits = new long[orders];
            for (int c = 0; c < customers; c++) {
                for (int j = start[c]; j < start[c] + keep[c]; j++) {
                    int at = perDay[days[j] - FIRST]++;
                    customerOf[at] = c;
                    epochDay[at] = days[j];
                    minorUnits[at] = amounts[j];
                }
                for (int e = extraStart[c]; e < extraStart[c + 1]; e++) {
                    int at = perDay[extraDay[e] - FIRST]++;
                    customerOf[at] = c;
                    epochDay[at] = extraDay[e];
                    minorUnits[at] = extraCents[e];
                }
            }
            return new GeneratedOrders(customers, customerOf, epochDay, minorUnits, truth);
        }
    }
}
