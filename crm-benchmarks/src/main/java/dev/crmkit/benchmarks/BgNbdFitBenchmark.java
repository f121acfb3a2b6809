package dev.crmkit.benchmarks;

import dev.crmkit.examples.cli.bench.OrderGenerator;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import static java.util.concurrent.TimeUnit.SECONDS;

/**
 * The BG/NBD fit of 100,000 customers (1,000,000 generated orders drawn from a known BG/NBD model, weekly summaries),
 * each call a whole fit, measured single-shot: the summaries alone, the fit alone and both. Seconds per call. The
 * fit of 1,000,000 customers: {@code crm bench metrics}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class BgNbdFitBenchmark {

    /** Customers fitted. */
    static final int CUSTOMERS = 100_000;

    private OrderBook book;
    private CustomerSummaries summaries;

    /** Generates the orders and their summaries once, from a fixed seed. */
    @Setup(Level.Trial)
    public void generate() {
        book = OrderGenerator.generate(42, CUSTOMERS * 10, CUSTOMERS).book();
        summaries = summarise();
    }

    /** Frequency, recency and age of every customer by week. */
    @Benchmark
    public CustomerSummaries summarise() {
        return CustomerSummaries.of(book, OrderGenerator.LAST_DAY, TimeUnit.WEEK);
    }

    /** The maximum-likelihood fit of ready summaries. */
    @Benchmark
    public BgNbdModel fit() {
        return BgNbd.fit(summaries);
    }

    /** Summaries, then the fit: what an application pays from its orders to a model. */
    @Benchmark
    public BgNbdModel summariseAndFit() {
        return BgNbd.fit(summarise());
    }
}
