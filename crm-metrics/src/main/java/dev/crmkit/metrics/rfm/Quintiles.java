package dev.crmkit.metrics.rfm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Quintile scores 1 to 5 over a column of values, higher values scoring higher, ties never split.
 *
 * <p>Boundaries: sort the n values ascending; a run of equal values occupying sorted positions {@code first..last}
 * (0-based) sits at the percentile of its midpoint, {@code (first + last + 1) / 2n}, and scores
 * {@code 1 + floor(5 x (first + last + 1) / 2n)}. So:
 * <ul>
 *   <li>equal values always get the same score, and a larger value never scores lower than a smaller one;</li>
 *   <li>with distinct values each score 1..5 is given to {@code floor(n/5)} or {@code ceil(n/5)} values (the counts
 *       differ by at most one; with fewer than 5 values some scores are unused but still no count exceeds 1);</li>
 *   <li>with ties a whole run lands in the quintile of its midpoint, so the counts can be as uneven as the ties are
 *       (all-equal values all score 3).</li>
 * </ul>
 * Example: values 10, 20, 30, 40, 50 score 1, 2, 3, 4, 5; values 7, 7, 7 all score 3. Linear over primitive arrays
 * when the values spread (days and order counts by counting, amounts by a histogram of their top bits), no object per
 * value; O(n log n) at worst (a bucket of many values straddling a quintile edge is sorted). Stateless and thread-safe.
 */
public final class Quintiles {

    /** The most bits of a value's histogram bucket: up to 65,536 buckets. */
    private static final int BUCKET_BITS = 16;

    private Quintiles() {
    }

    /**
     * The score of each value, at the value's index. When the values span a small range (at most four slots per
     * value) they are counted per value; otherwise they are counted per bucket of their top bits and only the
     * buckets that straddle a quintile edge are sorted. Both give the same scores as a binary search of each value's
     * run in a sorted copy (tested).
     */
    public static int[] scores(long[] values) {
        Objects.requireNonNull(values, "values");
        int n = values.length;
        if (n == 0) {
            return new int[0];
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // the range as an unsigned figure: max - min never exceeds 2^64 - 1
        long range = max - min;
        if (Long.compareUnsigned(range, Math.min(4L * n, Integer.MAX_VALUE - 1L)) < 0) {
            return byCounting(values, min, (int) range + 1);
        }
        return byHistogram(values, min, range);
    }

    /** The score of a run of equal values at sorted positions {@code first..last} of {@code n}. */
    private static int score(long first, long last, long n) {
        return (int) (1 + 5 * (first + last + 1) / (2 * n));
    }

    private static int[] byCounting(long[] values, long min, int slots) {
        int[] count = new int[slots];
        for (long v : values) {
            count[(int) (v - min)]++;
        }
        long n = values.length;
        int[] scoreOf = new int[slots];
        long first = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (count[slot] > 0) {
                scoreOf[slot] = score(first, first + count[slot] - 1, n);
                first += count[slot];
            }
        }
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scoreOf[(int) (values[i] - min)];
        }
        return out;
    }

    /**
     * The scores through a histogram of the values' top bits above their minimum (16 bits, fewer for fewer values):
     * a value's run lies inside its bucket, so its first and last sorted positions lie between the bucket's, and when
     * the bucket's first and last positions give the same score, so do all its values. Only the few buckets that
     * straddle a quintile edge are sorted to place their values exactly. Three passes over the values and a sort of a
     * few buckets, instead of a sort of all n.
     */
    private static int[] byHistogram(long[] values, long min, long range) {
        int n = values.length;
        // about a value per bucket or more
        int bucketBits = Math.min(BUCKET_BITS, 64 - Long.numberOfLeadingZeros(n));
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - bucketBits);
        int buckets = (int) (range >>> shift) + 1;
        int[] start = new int[buckets + 1];
        for (long v : values) {
            start[(int) ((v - min) >>> shift) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] scoreOf = new int[buckets];
        long[][] straddling = new long[buckets][];
        int[] filled = new int[buckets];
        for (int b = 0; b < buckets; b++) {
            int first = start[b];
            int last = start[b + 1] - 1;
            if (last < first) {
                continue;
            }
            scoreOf[b] = score(first, first, n);
            if (scoreOf[b] != score(last, last, n)) {
                straddling[b] = new long[last - first + 1];
            }
        }
        for (long v : values) {
            int b = (int) ((v - min) >>> shift);
            if (straddling[b] != null) {
                straddling[b][filled[b]++] = v;
            }
        }
        for (long[] bucket : straddling) {
            if (bucket != null) {
                Arrays.sort(bucket);
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int b = (int) ((values[i] - min) >>> shift);
            long[] sorted = straddling[b];
            out[i] = sorted == null ? scoreOf[b] : score(start[b] + lowerBound(sorted, values[i]),
                    start[b] + upperBound(sorted, values[i]) - 1L, n);
        }
        return out;
    }

    /** The scores by binary search of each value's run in a sorted copy: any values, and the tests' reference. */
    static int[] bySearch(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long n = sorted.length;
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            long first = lowerBound(sorted, values[i]);
            long last = upperBound(sorted, values[i]) - 1;
            out[i] = score(first, last, n);
        }
        return out;
    }

    private static int upperBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
