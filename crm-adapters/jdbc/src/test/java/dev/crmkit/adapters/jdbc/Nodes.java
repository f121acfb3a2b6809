package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contract.RacedCalls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs work on several application "nodes" at once, several threads each, all released together. */
final class Nodes {

    private Nodes() {
    }

    /** The work of one thread of one node. */
    @FunctionalInterface
    interface Work {
        void run(int node, int thread) throws Exception;
    }

    /**
     * Starts {@code nodes} x {@code threadsPerNode} threads at the same moment and waits for all of them.
     *
     * @throws java.util.concurrent.ExecutionException with the first failure of a thread
     */
    static void runOnEveryThread(int nodes, int threadsPerNode, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes * threadsPerNode);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                for (int t = 0; t < threadsPerNode; t++) {
                    int node = n;
                    int thread = t;
                    done.add(pool.submit((Callable<Void>) () -> {
                        start.await();
                        work.run(node, thread);
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The calls made on each item (a lead, a person) by the nodes of a race, with their start and end: a race test
     * that shrank its items checks with {@link #racedItems()} that calls of two nodes on one item still overlapped, so
     * it cannot pass without a race.
     *
     * @param <K> the item's key
     */
    static final class Calls<K> {

        private final Map<K, List<long[]>> byItem = new ConcurrentHashMap<>();

        /** Records a call of {@code node} on {@code item} that started at {@code startedNanos} and ends now. */
        void ended(K item, int node, long startedNanos) {
            ran(item, node, startedNanos, System.nanoTime());
        }

        /** Records a call of {@code node} on {@code item} from {@code startedNanos} to {@code endedNanos}. */
        void ran(K item, int node, long startedNanos, long endedNanos) {
            long[] call = {startedNanos, endedNanos, node};
            List<long[]> calls = byItem.computeIfAbsent(item, k -> new ArrayList<>());
            synchronized (calls) {
                calls.add(call);
            }
        }

        /** How many items had calls of two different nodes running at the same time. */
        long racedItems() {
            return byItem.values().stream().filter(Calls::twoNodesAtOnce).count();
        }

        private static boolean twoNodesAtOnce(List<long[]> calls) {
            synchronized (calls) {
                return RacedCalls.twoRacersAtOnce(calls);
            }
        }
    }
}
