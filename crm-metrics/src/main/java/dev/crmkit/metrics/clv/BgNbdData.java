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
        int[] xs = distinct(frequency);
        int[] xi = new int[n];
        int[] ri = new int[n];
        int[] ai = new int[n];
        int[] xRemap = xs[xs.length - 1] < (1 << 20) ? new int[xs[xs.length - 1] + 1] : null;
        if (xRemap != null) {
            for (int j = 0; j < xs.length; j++) {
                xRemap[xs[j]] = j;
            }
        }
        TimeIndex index = new TimeIndex();
        for (int i = 0; i < n; i++) {
            xi[i] = xRemap != null ? xRemap[frequency[i]] : Arrays.binarySearch(xs, frequency[i]);
            ri[i] = index.of(recency[i] + 0.0);
            ai[i] = index.of(age[i] + 0.0);
        }
        double[] times = index.sortedAndRemap(ri, ai);
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
        return grouped(sorted(keys, xBits + 2 * timeBits), xs, times, timeBits, scale);
    }

    /**
     * The groups of equal keys in ascending order of their keys (x, then t_x, then T), each weighted by how often it
     * occurs in {@code keys}, which are sorted.
     */
    private static BgNbdData grouped(long[] keys, int[] xs, double[] times, int timeBits, double scale) {
        int n = keys.length;
        int groups = 0;
        for (int i = 0; i < n; i++) {
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
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            if (i == 0 || key != keys[i - 1]) {
                g++;
                xi[g] = (int) (key >>> (2 * timeBits));
                ri[g] = (int) ((key >>> timeBits) & mask);
                ai[g] = (int) (key & mask);
            }
            weight[g]++;
        }
        return new BgNbdData(xs, times, xi, ri, ai, weight, scale);
    }

    private static final int RADIX_BITS = 11;

    /**
     * The keys (not negative, below 2^{@code bits}) in ascending order: a least-significant-digit radix sort in
     * passes of {@value #RADIX_BITS} bits, so that grouping n customers costs a few sequential passes over n keys
     * whatever the number of distinct keys; sorts the given array in place and may return another one.
     */
    static long[] sorted(long[] keys, int bits) {
        int n = keys.length;
        long[] from = keys;
        long[] to = new long[n];
        int[] counts = new int[1 << RADIX_BITS];
        int mask = counts.length - 1;
        for (int shift = 0; shift < bits; shift += RADIX_BITS) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (from[i] >>> shift) & mask]++;
            }
            int sum = 0;
            for (int d = 0; d < counts.length; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long key = from[i];
                to[counts[(int) (key >>> shift) & mask]++] = key;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    private static int bits(int count) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(count));
    }

    /** The distinct values (not negative) in ascending order. */
    private static int[] distinct(int[] given) {
        int max = 0;
        for (int v : given) {
            max = Math.max(max, v);
        }
        if (max < (1 << 20)) {
            boolean[] seen = new boolean[max + 1];
            int count = 0;
            for (int v : given) {
                if (!seen[v]) {
                    seen[v] = true;
                    count++;
                }
            }
            int[] values = new int[count];
            int k = 0;
            for (int v = 0; v <= max; v++) {
                if (seen[v]) {
                    values[k++] = v;
                }
            }
            return values;
        }
        int[] values = given.clone();
        Arrays.sort(values);
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[k++] = values[i];
            }
        }
        return Arrays.copyOf(values, k);
    }

    /**
     * The distinct times in order of first appearance, found through an open-addressing table on their bits: the
     * customers' times take few distinct values (whole days), so the table stays small and in cache while each of
     * the 2n lookups costs a hash, where sorting all 2n times and searching them cost far more.
     */
    private static final class TimeIndex {
        private double[] values = new double[64];
        private int count;
        private int[] table = new int[256];

        int of(double value) {
            long bits = Double.doubleToLongBits(value);
            int mask = table.length - 1;
            int slot = mix(bits) & mask;
            while (table[slot] != 0) {
                int k = table[slot] - 1;
                if (Double.doubleToLongBits(values[k]) == bits) {
                    return k;
                }
                slot = (slot + 1) & mask;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count] = value;
            table[slot] = ++count;
            if (count * 2 > table.length) {
                table = new int[table.length * 2];
                for (int k = 0; k < count; k++) {
                    int s = mix(Double.doubleToLongBits(values[k])) & (table.length - 1);
                    while (table[s] != 0) {
                        s = (s + 1) & (table.length - 1);
                    }
                    table[s] = k + 1;
                }
            }
            return count - 1;
        }

        static int mix(long bits) {
            long h = bits ^ (bits >>> 33);
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return (int) (h ^ (h >>> 33));
        }

        /** The distinct times in ascending order; rewrites the indexes given into indexes of that order. */
        double[] sortedAndRemap(int[] first, int[] second) {
            double[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            int[] rank = new int[count];
            for (int k = 0; k < count; k++) {
                rank[k] = Arrays.binarySearch(sorted, values[k]);
            }
            for (int i = 0; i < first.length; i++) {
                first[i] = rank[first[i]];
                second[i] = rank[second[i]];
            }
            return sorted;
        }
    }

    /** Whether any customer has a repeat purchase. */
    boolean hasRepeat() {
        return weightedX > 0;
    }

    /**
     * A systematic sample of the customers: the middle one of each run of {@code stride} (places {@code stride / 2},
     * {@code stride / 2 + stride}, ...) of the customers taken in the order of the groups (x, then t_x, then T), each
     * group keeping the weight of its sampled customers (groups with none are left out). The middle, not the first,
     * because the first of each run would lean towards the smaller x and times (the sample's fit then starts the full
     * fit further off: 18 full evaluations instead of 5 in one case of {@code BgNbdSampleStartTest}). The groups and
     * their order depend only on the customers' (x, t_x, T), not on the order they were given in, so neither does the
     * sample. Same distinct x and times (a distinct x no customer of the sample has weighs 0).
     */
    BgNbdData everyNth(int stride) {
        int groups = weight.length;
        int[] xi = new int[groups];
        int[] ri = new int[groups];
        int[] ai = new int[groups];
        double[] w = new double[groups];
        int k = 0;
        long start = 0;
        for (int g = 0; g < groups; g++) {
            long end = start + (long) weight[g];
            // the places stride / 2 + k stride in [start, end)
            long taken = Math.floorDiv(end - 1 - stride / 2, stride) - Math.floorDiv(start - 1 - stride / 2, stride);
            if (taken > 0) {
                xi[k] = xIndex[g];
                ri[k] = recencyIndex[g];
                ai[k] = ageIndex[g];
                w[k] = taken;
                k++;
            }
            start = end;
        }
        return new BgNbdData(xs, times, Arrays.copyOf(xi, k), Arrays.copyOf(ri, k), Arrays.copyOf(ai, k),
                Arrays.copyOf(w, k), scale);
    }
}
