package dev.crmkit.metrics.funnel;

import java.util.List;
import java.util.Objects;

/**
 * A funnel's stages in order with their conversion and drop-off. Immutable and thread-safe.
 *
 * @param stages the stages, first stage first
 */
public record FunnelReport(List<FunnelStage> stages) {

    /** Copies the list. */
    public FunnelReport {
        stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
    }

    /** The conversion from the first to the last stage (the product of the steps); 0 / 0 for an empty funnel. */
    public Ratio cumulativeConversion() {
        return stages.isEmpty() ? Ratio.of(0, 0) : stages.get(stages.size() - 1).conversionFromFirst();
    }
}
