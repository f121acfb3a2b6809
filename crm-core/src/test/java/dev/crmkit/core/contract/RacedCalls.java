package dev.crmkit.core.contract;

import java.util.List;

/**
 * Whether the calls a race test made on one item overlapped: a test that shrank its items checks that the race it
 * is about still happened, so that it cannot pass without one.
 */
public final class RacedCalls {

    private RacedCalls() {
    }

    /**
     * Whether two of the calls, each {@code {startNanos, endNanos, racer}}, of different racers (threads or nodes)
     * ran at the same time.
     */
    public static boolean twoRacersAtOnce(List<long[]> calls) {
        for (int i = 0; i < calls.size(); i++) {
            for (int j = i + 1; j < calls.size(); j++) {
                long[] a = calls.get(i);
                long[] b = calls.get(j);
                if (a[2] != b[2] && a[0] < b[1] && b[0] < a[1]) {
                    return true;
                }
            }
        }
        return false;
    }
}
