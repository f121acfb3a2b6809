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
 * no object per value. Stateless and thread-safe.
 */
public final class Quintiles {

    private Quintiles() {
    }

    /** The score of each value, at the value's index. */
    public static int[] scores(long[] values) {
        Objects.requireNonNull(values, "values");
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long n = sorted.length;
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            long first = lowerBound(sorted, values[i]);
            long last = upperBound(sorted, values[i]) - 1;
            out[i] = (int) (1 + 5 * (first + last + 1) / (2 * n));
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
