package dev.crmkit.examples.cli;

import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.examples.cli.leadimport.ImportListener;
import dev.crmkit.examples.cli.leadimport.MappedRow;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A progress bar on standard error while an import runs, measured in bytes of the file read, with the rows so far.
 * On a terminal it redraws in place; otherwise (a log, a pipe) it writes a line at most every few seconds and one at
 * the end. Not thread-safe.
 */
final class ImportProgress implements ImportListener, AutoCloseable {

    private static final int WIDTH = 79;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final ProgressBar bar;
    private final CountingInputStream in;
    private final long size;
    private long rows;

    /**
     * Starts the bar.
     *
     * @param in          the stream the import reads, counting bytes
     * @param size        the size of the file in bytes
     * @param err         where the bar goes
     * @param interactive whether {@code err} is a terminal
     */
    ImportProgress(String task, CountingInputStream in, long size, PrintWriter err, boolean interactive) {
        this.in = in;
        this.size = size;
        long unitSize = size >= 10_000_000 ? 1_000_000 : size >= 10_000 ? 1_000 : 1;
        String unit = unitSize == 1_000_000 ? " MB" : unitSize == 1_000 ? " kB" : " B";
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, size))
                .setUnit(unit, unitSize)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(interactive ? 200 : 1000)
                .setConsumer(interactive ? new Redrawing(err) : new Logging(err))
                .build();
    }

    @Override
    public void imported(MappedRow row, CaptureOutcome outcome) {
        rows++;
        if ((rows & 255) == 0) {
            show();
        }
    }

    @Override
    public void finished() {
        show();
        bar.stepTo(Math.max(1, size));
    }

    private void show() {
        bar.stepTo(Math.min(in.count(), Math.max(1, size)));
        bar.setExtraMessage(Reports.count(rows) + " rows");
    }

    @Override
    public void close() {
        bar.close();
    }

    /** Redraws the bar in place on a terminal. */
    private static final class Redrawing implements ProgressBarConsumer {
        private final PrintWriter err;

        Redrawing(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String rendered) {
            err.print('\r');
            err.print(rendered);
            err.flush();
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }

    /** Writes the bar as a line now and then, and the last state when done. */
    private static final class Logging implements ProgressBarConsumer {
        private final PrintWriter err;
        private long lastPrinted = System.nanoTime();
        private String last;
        private boolean lastShown;

        Logging(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String rendered) {
            last = rendered.strip();
            lastShown = false;
            if (System.nanoTime() - lastPrinted >= LOG_EVERY.toNanos()) {
                print();
            }
        }

        private void print() {
            err.println(last);
            err.flush();
            lastPrinted = System.nanoTime();
            lastShown = true;
        }

        @Override
        public void close() {
            if (last != null && !lastShown) {
                print();
            }
        }
    }
}
