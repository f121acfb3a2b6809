package dev.crmkit.benchmarks;

import dev.crmkit.examples.cli.bench.GeneratedOrders;
import dev.crmkit.examples.cli.bench.MetricsRun;
import dev.crmkit.examples.cli.bench.OrderGenerator;
import dev.crmkit.examples.cli.bench.PrimitivePass;
import dev.crmkit.metrics.cohort.CohortMatrix;
import dev.crmkit.metrics.cohort.CohortPeriod;
import dev.crmkit.metrics.cohort.Cohorts;
import dev.crmkit.metrics.history.OrderHistoryMetrics;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.rfm.Rfm;
import dev.crmkit.metrics.rfm.RfmTable;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * RFM, LTV from order history and monthly cohorts over 1,000,000 generated orders of 100,000 customers, next to their
 * baseline: one hand-written pass over the same primitive arrays computing per customer the last day, count and sum,
 * the LTV totals and the (first month, month) customer counts ({@link PrimitivePass}). All report milliseconds per
 * call; each one's time over the baseline's is what crmkit's calculators cost beyond the least work they must do.
 * The same measures at ten times the size: {@code crm bench metrics}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class MetricsBenchmark {

    /** Orders generated. */
    static final int ORDERS = 1_000_000;
    /** Customers generated. */
    static final int CUSTOMERS = 100_000;

    private GeneratedOrders data;
    private OrderBook book;
    private int asOfDay;

    /** Generates the orders once, from a fixed seed. */
    @Setup(Level.Trial)
    public void generate() {
        data = OrderGenerator.generate(42, ORDERS, CUSTOMERS);
        book = data.book();
        asOfDay = Math.toIntExact(OrderGenerator.LAST_DAY.toEpochDay());
    }

    /** The least work, by hand: one pass over the arrays. */
    @Benchmark
    public PrimitivePass.Totals baselinePrimitivePass() {
        return PrimitivePass.run(data.customerOf(), data.epochDay(), data.minorUnits(), data.customers(), asOfDay,
                MetricsRun.CHURN_WINDOW_DAYS);
    }

    /** RFM scores and segments of every customer. */
    @Benchmark
    public RfmTable rfm() {
        return Rfm.score(book, OrderGenerator.LAST_DAY);
    }

    /** LTV derived from the order history. */
    @Benchmark
    public OrderHistoryLtv ltv() {
        return OrderHistoryLtv.of(book, OrderGenerator.LAST_DAY, MetricsRun.CHURN_WINDOW_DAYS,
                MetricsRun.GROSS_MARGIN);
    }

    /** The monthly cohort retention matrix. */
    @Benchmark
    public CohortMatrix cohorts() {
        return Cohorts.of(book, CohortPeriod.MONTH);
    }

    /** RFM, LTV and cohorts apart, one after the other: what the baseline pass stands for. */
    @Benchmark
    public void rfmLtvCohorts(Blackhole sink) {
        sink.consume(rfm());
        sink.consume(ltv());
        sink.consume(cohorts());
    }

    /** RFM, LTV and cohorts from one pass over the orders ({@link OrderHistoryMetrics}), as the baseline does. */
    @Benchmark
    public OrderHistoryMetrics rfmLtvCohortsOnePass() {
        return OrderHistoryMetrics.of(book, OrderGenerator.LAST_DAY, MetricsRun.CHURN_WINDOW_DAYS,
                MetricsRun.GROSS_MARGIN, CohortPeriod.MONTH);
    }
}
