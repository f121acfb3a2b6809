package dev.crmkit.metrics.clv;

import java.util.Arrays;

/**
 * BG/NBD input compressed for fast likelihood evaluation: customers with the same (x, t_x, T) become one group with
 * a weight, and the distinct values of x and of the times are indexed, so that one evaluation computes the log-gamma
 * terms once per distinct x and the logarithms once per distinct time, leaving one exp and one log1p per group.
 * Times are divided by {@code scale} (the largest age, mapped to 10) to condition the optimiser.
 */
final class BgNbdData {

    final int[] xs;
    final double[] times;
    final int[] xIndex;
    final int[] recencyIndex;
    final int[] ageIndex;
    final double[] weight;
    /** Per distinct x, how many customers (the summed weight of its groups). */
    final double[] countPerX;
    final double totalWeight;
    final double weightedX;
    final double scale;

    private BgNbdData(int[] xs, double[] times, int[] xIndex, int[] recencyIndex, int[] ageIndex, double[] weight,
            double scale) {
        this.xs = xs;
        this.times = times;
        this.xIndex = xIndex;
        this.recencyIndex = recencyIndex;
        this.ageIndex = ageIndex;
        this.weight = weight;
        this.scale = scale;
        double total = 0;
        double sumX = 0;
        this.countPerX = new double[xs.length];
        for (int g = 0; g < weight.length; g++) {
            countPerX[xIndex[g]] += weight[g];
            total += weight[g];
            sumX += weight[g] * xs[xIndex[g]];
        }
        this.totalWeight = total;
        this.weightedX = sumX;
    }

    /** Groups the rows of the columns; times are divided by {@code scale}. */
    static BgNbdData of(int[] frequency, double[] recency, double[] age, double scale) {
        int n = frequency.length;
        int[] xs = distinct(frequency.clone());
        double[] all = new double[2 * n];
        for (int i = 0; i < n; i++) {
            all[i] = recency[i] + 0.0;
            all[n + i] = age[i] + 0.0;
        }
        double[] times = distinct(all);
        int[] xi = new int[n];
        int[] ri = new int[n];
        int[] ai = new int[n];
        for (int i = 0; i < n; i++) {
            xi[i] = Arrays.binarySearch(xs, frequency[i]);
            ri[i] = Arrays.binarySearch(times, recency[i] + 0.0);
            ai[i] = Arrays.binarySearch(times, age[i] + 0.0);
        }
        for (int k = 0; k < times.length; k++) {
            times[k] /= scale;
        }
        int timeBits = bits(times.length);
        int xBits = bits(xs.length);
        if (xBits + 2 * timeBits > 63) {
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            return new BgNbdData(xs, times, xi, ri, ai, ones, scale);
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) xi[i] << (2 * timeBits)) | ((long) ri[i] << timeBits) | ai[i];
        }
        Arrays.sort(keys);
        return grouped(keys, xs, times, timeBits, scale);
    }

    private static BgNbdData grouped(long[] keys, int[] xs, double[] times, int timeBits, double scale) {
        int groups = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                groups++;
            }
        }
        int[] xi = new int[groups];
        int[] ri = new int[groups];
        int[] ai = new int[groups];
        double[] weight = new double[groups];
        long mask = (1L << timeBits) - 1;
        int g = -1;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                g++;
                xi[g] = (int) (keys[i] >>> (2 * timeBits));
                ri[g] = (int) ((keys[i] >>> timeBits) & mask);
                ai[g] = (int) (keys[i] & mask);
            }
            weight[g]++;
        }
        return new BgNbdData(xs, times, xi, ri, ai, weight, scale);
    }

    private static int bits(int count) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(count));
    }

    private static int[] distinct(int[] values) {
        Arrays.sort(values);
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[k++] = values[i];
            }
        }
        return Arrays.copyOf(values, k);
    }

    private static double[] distinct(double[] values) {
        Arrays.sort(values);
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[k++] = values[i];
            }
        }
        return Arrays.copyOf(values, k);
    }

    /** Whether any group has a repeat purchase. */
    boolean hasRepeat() {
        return xs[xs.length - 1] > 0;
    }
}
