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
 * Example: values 10, 20, 30, 40, 50 score 1, 2, 3, 4, 5; values 7, 7, 7 all score 3. O(n log n) over a primitive copy,
 * no object per value (linear when the values span a small range, as days and order counts do). Stateless and thread-safe.
 */
public final class Quintiles {

    private Quintiles() {
    }

    /**
     * The score of each value, at the value's index. When the values span a small range (at most four slots per
     * value) they are counted per value; when their range and their count fit together in 63 bits, one sort of
     * (value, index) packed into a {@code long} gives every run of equal values at once; otherwise each value's run is
     * found by binary search in a sorted copy. The three give the same scores (tested).
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
        int indexBits = 64 - Long.numberOfLeadingZeros(n - 1L);
        if (Long.compareUnsigned(range, (1L << (63 - indexBits)) - 1) <= 0) {
            return byPackedSort(values, min, indexBits);
        }
        return bySearch(values);
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

    private static int[] byPackedSort(long[] values, long min, int indexBits) {
        int n = values.length;
        long mask = (1L << indexBits) - 1;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((values[i] - min) << indexBits) | i;
        }
        Arrays.sort(packed);
        int[] out = new int[n];
        int first = 0;
        while (first < n) {
            long value = packed[first] >>> indexBits;
            int last = first;
            while (last + 1 < n && packed[last + 1] >>> indexBits == value) {
                last++;
            }
            int score = score(first, last, n);
            for (int p = first; p <= last; p++) {
                out[(int) (packed[p] & mask)] = score;
            }
            first = last + 1;
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
