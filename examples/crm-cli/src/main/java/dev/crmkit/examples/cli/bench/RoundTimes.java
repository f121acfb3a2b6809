package dev.crmkit.examples.cli.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The times one pass took in each timed round of a benchmark, in round order, and their median, min and max.
 *
 * @param nanos the time of each round, in nanoseconds, in the order the rounds ran; at least one
 */
public record RoundTimes(List<Long> nanos) {

    /** Copies the times and checks there is at least one. */
    public RoundTimes {
        nanos = List.copyOf(nanos);
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("need the time of at least one round");
        }
    }

    /** How many rounds were timed. */
    public int rounds() {
        return nanos.size();
    }

    /** The median: the middle time, or the mean of the two middle ones for an even count of rounds. */
    public long median() {
        return median(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    /** The shortest round. */
    public long min() {
        return nanos.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    /** The longest round. */
    public long max() {
        return nanos.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /**
     * The median of some times: the middle one after sorting, or the mean of the two middle ones for an even count.
     *
     * @param times at least one; not changed
     */
    public static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
