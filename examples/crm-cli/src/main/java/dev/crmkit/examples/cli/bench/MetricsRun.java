package dev.crmkit.examples.cli.bench;

import dev.crmkit.examples.cli.bench.MetricsResult.Fit;
import dev.crmkit.examples.cli.bench.MetricsResult.Measure;
import dev.crmkit.metrics.clv.BgNbd;
import dev.crmkit.metrics.clv.BgNbdModel;
import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.TimeUnit;
import dev.crmkit.metrics.cohort.CohortMatrix;
import dev.crmkit.metrics.cohort.CohortPeriod;
import dev.crmkit.metrics.cohort.CohortRow;
import dev.crmkit.metrics.cohort.Cohorts;
import dev.crmkit.metrics.history.OrderHistoryMetrics;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.rfm.Rfm;
import dev.crmkit.metrics.rfm.RfmTable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Measures crmkit's order-history metrics in one run, single-threaded, on orders from {@link OrderGenerator}:
 * <ol>
 *   <li>RFM ({@link Rfm#score}), LTV from the orders ({@link OrderHistoryLtv#of}, 90-day churn window, margin 0.30),
 *       monthly cohorts ({@link Cohorts#of}), the three apart one after the other, and the three from one pass over
 *       the orders ({@link OrderHistoryMetrics#of}), each next to the {@link PrimitivePass} over the
 *       same arrays, as of the last generated day: warm-up rounds, then timed rounds, each round running every measure
 *       once in turn; a measure's figures are the medians of its timed runs' wall time and of the CPU time of the
 *       thread that runs it (single-threaded, so the CPU time leaves out the waits of a loaded machine);</li>
 *   <li>the BG/NBD fit ({@link CustomerSummaries#of} by week, then {@link BgNbd#fit}) on generated orders of each
 *       number of customers asked for, with the same orders per customer as the main data (the main data itself
 *       when the size is its own), each timed once after one untimed fit of 10,000 customers when warming up.</li>
 * </ol>
 */
public final class MetricsRun {

    /** The churn window of the LTV from orders. */
    public static final int CHURN_WINDOW_DAYS = 90;
    /** The gross margin of the LTV from orders. */
    public static final BigDecimal GROSS_MARGIN = new BigDecimal("0.30");

    private static final int WARMUP_FIT_CUSTOMERS = 10_000;
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private final Settings settings;
    private final Consumer<String> phases;

    /**
     * What to run.
     *
     * @param orders       how many orders
     * @param customers    of how many customers
     * @param seed         the seed of the data
     * @param warmup       untimed rounds before the timed ones
     * @param runs         timed rounds
     * @param fitCustomers the numbers of customers to fit BG/NBD on
     */
    public record Settings(int orders, int customers, long seed, int warmup, int runs, List<Integer> fitCustomers) {
        /** Validates the figures. */
        public Settings {
            if (customers < 1 || orders < customers) {
                throw new IllegalArgumentException("need at least one customer and an order per customer");
            }
            if (warmup < 0 || runs < 1) {
                throw new IllegalArgumentException("need no negative warm-up and at least one timed run");
            }
            fitCustomers = List.copyOf(fitCustomers);
            if (fitCustomers.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("every fit needs at least one customer");
            }
        }

        /** The orders generated for a fit of {@code fitCustomers} customers: the main data's orders per customer. */
        int ordersFor(int fitCustomers) {
            return Math.toIntExact(Math.max(fitCustomers, Math.round((double) orders * fitCustomers / customers)));
        }
    }

    /**
     * A run.
     *
     * @param phases told what is happening, for a progress line
     */
    public MetricsRun(Settings settings, Consumer<String> phases) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.phases = Objects.requireNonNull(phases, "phases");
    }

    /** Runs every measure and fit and returns the figures. */
    public MetricsResult run() {
        phases.accept(String.format(Locale.ROOT, "generating %,d orders of %,d customers", settings.orders(),
                settings.customers()));
        long start = System.nanoTime();
        GeneratedOrders data = OrderGenerator.generate(settings.seed(), settings.orders(), settings.customers());
        long generation = System.nanoTime() - start;
        OrderBook book = data.book();
        boolean agree = agree(data, book);
        boolean onePassAgrees = onePassAgrees(book);
        Map<Measure, long[]> times = time(data, book);
        Map<Measure, Long> nanos = new EnumMap<>(Measure.class);
        Map<Measure, Long> cpuNanos = new EnumMap<>(Measure.class);
        times.forEach((m, wallAndCpu) -> {
            nanos.put(m, wallAndCpu[0]);
            cpuNanos.put(m, wallAndCpu[1]);
        });
        List<Fit> fits = fits(data, book);
        return new MetricsResult(settings, generation, nanos, cpuNanos, agree, onePassAgrees, fits);
    }

    /** Per measure, the median wall time and the median CPU time of this thread over the timed rounds. */
    private Map<Measure, long[]> time(GeneratedOrders data, OrderBook book) {
        long[] ignored = new long[1];
        for (int round = 0; round < settings.warmup(); round++) {
            phases.accept("warm-up round " + (round + 1) + " of " + settings.warmup());
            for (Measure m : Measure.values()) {
                runOnce(m, data, book, ignored, 0);
            }
        }
        Map<Measure, long[]> wall = new EnumMap<>(Measure.class);
        Map<Measure, long[]> cpu = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            wall.put(m, new long[settings.runs()]);
            cpu.put(m, new long[settings.runs()]);
        }
        for (int round = 0; round < settings.runs(); round++) {
            phases.accept("timed round " + (round + 1) + " of " + settings.runs());
            for (Measure m : Measure.values()) {
                wall.get(m)[round] = runOnce(m, data, book, cpu.get(m), round);
            }
        }
        Map<Measure, long[]> medians = new EnumMap<>(Measure.class);
        wall.forEach((m, times) -> medians.put(m, new long[] {median(times), median(cpu.get(m))}));
        return medians;
    }

    /** Runs a measure once: returns its wall time and puts its CPU time (this thread's) in {@code cpu[slot]}. */
    private static long runOnce(Measure measure, GeneratedOrders data, OrderBook book, long[] cpu, int slot) {
        long cpuStart = THREAD.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long result = switch (measure) {
            case BASELINE -> baseline(data).checksum();
            case RFM -> rfm(book).size();
            case LTV -> ltv(book).stats().orders();
            case COHORTS -> cohorts(book).rows().size();
            case APART -> rfm(book).size() + ltv(book).stats().orders() + cohorts(book).rows().size();
            case ALL -> together(book);
        };
        long elapsed = System.nanoTime() - start;
        cpu[slot] = THREAD.getCurrentThreadCpuTime() - cpuStart;
        sink += result;
        return elapsed;
    }

    private static PrimitivePass.Totals baseline(GeneratedOrders data) {
        return PrimitivePass.run(data.customerOf(), data.epochDay(), data.minorUnits(), data.customers(),
                asOfDay(), CHURN_WINDOW_DAYS);
    }

    /** The three from one pass over the orders ({@link OrderHistoryMetrics}). */
    private static long together(OrderBook book) {
        OrderHistoryMetrics all = onePass(book);
        return all.rfm().size() + all.ltv().stats().orders() + all.cohorts().rows().size();
    }

    private static OrderHistoryMetrics onePass(OrderBook book) {
        return OrderHistoryMetrics.of(book, OrderGenerator.LAST_DAY, CHURN_WINDOW_DAYS, GROSS_MARGIN,
                CohortPeriod.MONTH);
    }

    /** Whether the one pass gives every RFM row, the LTV and the cohort matrix the three apart give (untimed). */
    private boolean onePassAgrees(OrderBook book) {
        phases.accept("checking that the one pass and the three apart agree");
        OrderHistoryMetrics all = onePass(book);
        RfmTable rfm = rfm(book);
        if (rfm.size() != all.rfm().size()) {
            return false;
        }
        for (int i = 0; i < rfm.size(); i++) {
            if (!rfm.customer(i).equals(all.rfm().customer(i))) {
                return false;
            }
        }
        return ltv(book).equals(all.ltv()) && cohorts(book).equals(all.cohorts());
    }

    private static RfmTable rfm(OrderBook book) {
        return Rfm.score(book, OrderGenerator.LAST_DAY);
    }

    private static OrderHistoryLtv ltv(OrderBook book) {
        return OrderHistoryLtv.of(book, OrderGenerator.LAST_DAY, CHURN_WINDOW_DAYS, GROSS_MARGIN);
    }

    private static CohortMatrix cohorts(OrderBook book) {
        return Cohorts.of(book, CohortPeriod.MONTH);
    }

    private static int asOfDay() {
        return Math.toIntExact(OrderGenerator.LAST_DAY.toEpochDay());
    }

    /** Whether the baseline and crmkit's calculators read the same totals from the data (an untimed check). */
    private boolean agree(GeneratedOrders data, OrderBook book) {
        phases.accept("checking that the baseline and crmkit agree");
        PrimitivePass.Totals totals = baseline(data);
        OrderHistoryLtv ltv = ltv(book);
        long cells = 0;
        for (CohortRow row : cohorts(book).rows()) {
            for (long customers : row.customers()) {
                cells += customers;
            }
        }
        BigDecimal revenue = BigDecimal.valueOf(totals.revenueMinor(), GeneratedOrders.CURRENCY
                .getDefaultFractionDigits());
        return totals.orders() == ltv.stats().orders() && totals.customers() == ltv.stats().customers()
                && revenue.compareTo(ltv.stats().revenue().amount()) == 0
                && BigDecimal.valueOf(totals.churned()).divide(BigDecimal.valueOf(totals.customers()),
                        OrderHistoryLtv.RATE_SCALE, RoundingMode.HALF_EVEN).compareTo(ltv.stats().churnRate()) == 0
                && totals.customers() == rfm(book).size() && totals.cohortCells() == cells;
    }

    private List<Fit> fits(GeneratedOrders main, OrderBook mainBook) {
        List<Fit> out = new ArrayList<>();
        if (settings.warmup() > 0 && !settings.fitCustomers().isEmpty()) {
            phases.accept(String.format(Locale.ROOT, "warming up BG/NBD on %,d customers", WARMUP_FIT_CUSTOMERS));
            int warmCustomers = Math.min(WARMUP_FIT_CUSTOMERS, settings.customers());
            GeneratedOrders warm = OrderGenerator.generate(settings.seed() + 1, settings.ordersFor(warmCustomers),
                    warmCustomers);
            sink += BgNbd.fit(summaries(warm.book())).customers();
        }
        for (int customers : settings.fitCustomers()) {
            int orders = settings.ordersFor(customers);
            GeneratedOrders data = main;
            OrderBook book = mainBook;
            long generation = 0;
            if (customers != main.customers() || orders != main.size()) {
                phases.accept(String.format(Locale.ROOT, "generating %,d orders of %,d customers for BG/NBD",
                        orders, customers));
                long start = System.nanoTime();
                data = OrderGenerator.generate(settings.seed(), orders, customers);
                generation = System.nanoTime() - start;
                book = data.book();
            }
            phases.accept(String.format(Locale.ROOT, "fitting BG/NBD on %,d customers", customers));
            long start = System.nanoTime();
            CustomerSummaries summaries = summaries(book);
            long summarised = System.nanoTime();
            BgNbdModel model = BgNbd.fit(summaries);
            long fitted = System.nanoTime();
            out.add(new Fit(customers, orders, generation, summarised - start, fitted - summarised, model,
                    data.truth()));
        }
        return out;
    }

    private static CustomerSummaries summaries(OrderBook book) {
        LocalDate end = OrderGenerator.LAST_DAY;
        return CustomerSummaries.of(book, end, TimeUnit.WEEK);
    }

    private static long median(long[] times) {
        return RoundTimes.median(times);
    }
}
