package dev.crmkit.adapters.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
}
