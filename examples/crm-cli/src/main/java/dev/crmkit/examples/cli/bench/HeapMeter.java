package dev.crmkit.examples.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Measures the heap in use after garbage collection has settled. */
public final class HeapMeter {

    private static final int MAX_ROUNDS = 8;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /**
     * The heap in use, in bytes, after asking for a full collection until the figure stops falling (at most a few
     * rounds): garbage collection is a request, not a command, so one call is not enough.
     */
    public long usedAfterGc() {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long used = memory.getHeapMemoryUsage().getUsed();
            if (round >= 2 && used >= best - best / 1000) {
                return Math.min(best, used);
            }
            best = Math.min(best, used);
        }
        return best;
    }
}
