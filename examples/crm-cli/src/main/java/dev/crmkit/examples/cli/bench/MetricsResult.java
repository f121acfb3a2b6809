package dev.crmkit.examples.cli.bench;

import dev.crmkit.metrics.clv.BgNbdModel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one {@link MetricsRun}.
 *
 * @param settings        what was run
 * @param generationNanos how long generating the orders took
 * @param nanos           per measure, the median wall time of its timed runs
 * @param cpuNanos        per measure, the median CPU time of the thread over its timed runs
 * @param agree           whether the baseline and crmkit found the same orders, revenue, customers, churned customers
 *                        and cohort cell total (so both did the same work)
 * @param onePassAgrees   whether the one pass gave the same RFM rows, LTV and cohort matrix as the three apart
 * @param fits            one BG/NBD fit per size asked for, in that order
 */
public record MetricsResult(MetricsRun.Settings settings, long generationNanos, Map<Measure, Long> nanos,
                            Map<Measure, Long> cpuNanos, boolean agree, boolean onePassAgrees, List<Fit> fits) {

    /** Copies the maps and lists. */
    public MetricsResult {
        Objects.requireNonNull(settings, "settings");
        nanos = Collections.unmodifiableMap(new EnumMap<>(nanos));
        cpuNanos = Collections.unmodifiableMap(new EnumMap<>(cpuNanos));
        fits = List.copyOf(fits);
    }

    /** What is timed over the same columns. */
    public enum Measure {
        /** {@link PrimitivePass}. */
        BASELINE("baseline: one primitive pass", "baseline"),
        /** {@code Rfm.score}. */
        RFM("RFM (scores + segments)", "rfm"),
        /** {@code OrderHistoryLtv.of}. */
        LTV("LTV from order history", "ltv"),
        /** {@code Cohorts.of(book, MONTH)}. */
        COHORTS("cohorts (monthly matrix)", "cohorts"),
        /** {@code Rfm.score}, {@code OrderHistoryLtv.of} and {@code Cohorts.of} one after the other. */
        APART("RFM + LTV + cohorts, apart", "apart"),
        /** The three from one pass over the orders ({@code OrderHistoryMetrics.of}). */
        ALL("RFM + LTV + cohorts, one pass", "all");

        private final String label;
        private final String jsonName;

        Measure(String label, String jsonName) {
            this.label = label;
            this.jsonName = jsonName;
        }

        /** How the text table names it. */
        public String label() {
            return label;
        }

        /** Its key in JSON. */
        public String jsonName() {
            return jsonName;
        }
    }

    /** The time of a measure divided by the baseline's: how many baseline passes it costs. */
    public double ratio(Measure measure) {
        return nanos.get(measure) / (double) Math.max(1, nanos.get(Measure.BASELINE));
    }

    /** The CPU time of a measure divided by the baseline's. */
    public double cpuRatio(Measure measure) {
        return cpuNanos.get(measure) / (double) Math.max(1, cpuNanos.get(Measure.BASELINE));
    }

    /**
     * One BG/NBD fit on generated orders.
     *
     * @param customers       customers generated (and summarised)
     * @param orders          orders generated
     * @param generationNanos how long generating them took (0 when the main orders were reused)
     * @param summariesNanos  how long {@code CustomerSummaries.of} took
     * @param fitNanos        how long {@code BgNbd.fit} took
     * @param model           what the fit found
     * @param truth           the parameters the orders were drawn from
     */
    public record Fit(int customers, int orders, long generationNanos, long summariesNanos, long fitNanos,
                      BgNbdModel model, BgNbdModel truth) {
    }
}
