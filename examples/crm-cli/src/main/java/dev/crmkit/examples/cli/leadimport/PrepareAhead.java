package dev.crmkit.examples.cli.leadimport;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One helper thread that prepares the next chunk of an import while the caller captures the one before
 * ({@link dev.crmkit.core.capture.BulkCapture#prepare} there, {@code captureAll(Prepared)} on the caller's thread):
 * {@code crm import} and {@code crm bench jdbc} both go through it. The work runs one piece at a time, in the order
 * started; the thread starts with the first piece. {@link #close()} stops the thread and waits until it has ended, so
 * in a try-with-resources block the thread never outlives the import, whether it ends or fails. For one caller.
 */
public final class PrepareAhead implements AutoCloseable {

    private final ExecutorService thread;
    /** The helper thread once started: {@link #close()} waits until it has ended, not only its executor. */
    private volatile Thread started;

    /**
     * A helper thread, not started yet.
     *
     * @param name the thread's name, as a thread dump shows it
     */
    public PrepareAhead(String name) {
        Objects.requireNonNull(name, "name");
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            started = t;
            return t;
        });
    }

    /**
     * Starts preparing on the helper thread, after the work started before.
     *
     * @param work what to prepare; what it throws is thrown by {@link Pending#get()}
     * @return the work, to wait for when its chunk's turn comes
     */
    public <T> Pending<T> start(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return new Pending<>(thread.submit(work::get));
    }

    /** Stops the helper thread (interrupting work in progress) and waits until it has ended. */
    @Override
    public void close() {
        thread.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true; // still wait: the thread must not outlive its user
            }
        }
        // the executor counts as terminated while its worker thread is still returning from its last task: wait
        // until the thread itself has ended, so that no thread of the import is alive once close() returns
        Thread helper = started;
        while (helper != null && helper.isAlive()) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Work started on the helper thread.
     *
     * @param <T> what it gives
     */
    public static final class Pending<T> {
        private final Future<T> result;

        private Pending(Future<T> result) {
            this.result = result;
        }

        /**
         * Waits for the work to end.
         *
         * @return what it gave
         * @throws RuntimeException what the work threw, as it threw it (an {@code Error} too)
         * @throws IllegalStateException if this thread was interrupted while it waited (its interrupt status is set)
         */
        public T get() {
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a chunk was prepared", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
