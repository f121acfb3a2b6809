package dev.crmkit.examples.cli.bench;

import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.metrics.OrdersCsv;
import dev.crmkit.metrics.clv.BgNbd;
import dev.crmkit.metrics.clv.BgNbdModel;
import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.GammaGamma;
import dev.crmkit.metrics.clv.GammaGammaModel;
import dev.crmkit.metrics.clv.TimeUnit;
import dev.crmkit.metrics.order.OrderBook;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Currency;
import java.util.function.Consumer;

/**
 * One set of {@code crm bench clv}: the orders file read, summarised by week and fitted (BG/NBD, and Gamma-Gamma when
 * asked), each phase timed in every round, after untimed warm-up rounds; optionally the record-by-record reader of
 * the same file too, the reader the byte-level one replaced. Single-threaded.
 */
public final class ClvRun {

    /** The phases timed. */
    public enum Phase {
        /** Reading the CSV into an order book. */
        READ,
        /** Frequency, recency and age by week. */
        SUMMARISE,
        /** The BG/NBD fit. */
        BG_NBD,
        /** The Gamma-Gamma fit (0 when not asked). */
        GAMMA_GAMMA,
        /** Read, summarise and fit(s): the end-to-end time. */
        TOTAL,
        /** The record-by-record reader (0 when not asked). */
        RECORD_BY_RECORD
    }

    /**
     * What a set gave.
     *
     * @param set        the set's name
     * @param file       its file
     * @param orders     orders read
     * @param customers  customers summarised
     * @param medianNanos per {@link Phase} ordinal, the median over the timed rounds
     * @param bgNbd      the BG/NBD model of the last round
     * @param gammaGamma the Gamma-Gamma model of the last round, or null
     */
    public record Result(String set, Path file, int orders, int customers, long[] medianNanos, BgNbdModel bgNbd,
            GammaGammaModel gammaGamma) {

        /** The median seconds of a phase. */
        public double seconds(Phase phase) {
            return medianNanos[phase.ordinal()] / 1e9;
        }
    }

    private ClvRun() {
    }

    /** Runs one set: {@code warmup} untimed rounds, then {@code runs} timed ones. */
    public static Result run(String set, Path file, int warmup, int runs, boolean monetary, boolean recordByRecord,
            Consumer<String> progress) {
        OrdersCsv reader = new OrdersCsv("customer_id", "date", "amount", Currency.getInstance("EUR"));
        long[][] nanos = new long[Phase.values().length][runs];
        OrderBook book = null;
        CustomerSummaries summaries = null;
        BgNbdModel bgNbd = null;
        GammaGammaModel gammaGamma = null;
        for (int round = 0; round < warmup + runs; round++) {
            progress.accept(set + (round < warmup ? " warm-up " + (round + 1) : " round " + (round - warmup + 1)));
            book = null;
            summaries = null;
            long t0 = System.nanoTime();
            book = reader.read(file);
            long t1 = System.nanoTime();
            summaries = CustomerSummaries.of(book, ClvDataSets.observationEnd(set), TimeUnit.WEEK);
            long t2 = System.nanoTime();
            bgNbd = BgNbd.fit(summaries);
            long t3 = System.nanoTime();
            gammaGamma = monetary ? GammaGamma.fit(summaries) : null;
            long t4 = System.nanoTime();
            long slow = 0;
            if (recordByRecord) {
                long t5 = System.nanoTime();
                reader.readRecordByRecord(file, CsvFormat.UTF_8);
                slow = System.nanoTime() - t5;
            }
            if (round >= warmup) {
                int r = round - warmup;
                nanos[Phase.READ.ordinal()][r] = t1 - t0;
                nanos[Phase.SUMMARISE.ordinal()][r] = t2 - t1;
                nanos[Phase.BG_NBD.ordinal()][r] = t3 - t2;
                nanos[Phase.GAMMA_GAMMA.ordinal()][r] = t4 - t3;
                nanos[Phase.TOTAL.ordinal()][r] = t4 - t0;
                nanos[Phase.RECORD_BY_RECORD.ordinal()][r] = slow;
            }
        }
        long[] medians = new long[nanos.length];
        for (int p = 0; p < nanos.length; p++) {
            long[] sorted = nanos[p].clone();
            Arrays.sort(sorted);
            medians[p] = sorted[sorted.length / 2];
        }
        return new Result(set, file, book.size(), summaries.size(), medians, bgNbd, gammaGamma);
    }
}
