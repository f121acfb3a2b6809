package dev.crmkit.benchmarks;

import dev.crmkit.examples.cli.bench.ClvDataSets;
import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.metrics.OrdersCsv;
import dev.crmkit.metrics.clv.BgNbd;
import dev.crmkit.metrics.clv.BgNbdModel;
import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.TimeUnit;
import dev.crmkit.metrics.order.OrderBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Currency;

import static java.util.concurrent.TimeUnit.SECONDS;

/**
 * Probabilistic CLV end to end as {@code crm clv fit} does it: summarise the orders CSV by week while reading it, fit
 * BG/NBD (and, as before, reading a book first and summarising it); the summarising read alone; and the two CSV readers
 * alone (the byte-level one and the record-by-record one it replaced). Sets: the CDNOW-sized
 * one and 100,000 and 1,000,000 staggered customers ({@link ClvDataSets}; the files are written once into
 * {@code crm-bench-clv/} under the working directory, or the directory named by {@code -Dcrm.bench.clv.dir}).
 * Single-shot, seconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class ClvEndToEndBenchmark {

    private static final OrdersCsv READER = new OrdersCsv("customer_id", "date", "amount",
            Currency.getInstance("EUR"));

    /** The data set: cdnow or a number of staggered customers. */
    @Param({"cdnow", "100000", "1000000"})
    public String set;

    private Path file;
    private LocalDate end;

    /** Writes the set's file if it is missing. */
    @Setup(Level.Trial)
    public void write() {
        file = ClvDataSets.file(Paths.get(System.getProperty("crm.bench.clv.dir", "crm-bench-clv")), set, 42);
        end = ClvDataSets.observationEnd(set);
    }

    /** Read into a book, summarise it, fit: the end-to-end time before summarising while reading. */
    @Benchmark
    public BgNbdModel readSummariseFit() {
        OrderBook book = READER.read(file);
        return BgNbd.fit(CustomerSummaries.of(book, end, TimeUnit.WEEK));
    }

    /** Summarise while reading (in parallel chunks from 8 MiB on), fit: what {@code crm clv fit} does now. */
    @Benchmark
    public BgNbdModel summariesFit() {
        return BgNbd.fit(READER.summaries(file, CsvFormat.UTF_8, end, TimeUnit.WEEK));
    }

    /** Summarising while reading alone. */
    @Benchmark
    public CustomerSummaries summaries() {
        return READER.summaries(file, CsvFormat.UTF_8, end, TimeUnit.WEEK);
    }

    /** The byte-level reader alone. */
    @Benchmark
    public OrderBook readBytes() {
        return READER.read(file);
    }

    /** The record-by-record (Jackson) reader alone: what reading cost before. */
    @Benchmark
    public OrderBook readRecordByRecord() {
        return READER.readRecordByRecord(file, CsvFormat.UTF_8);
    }
}
