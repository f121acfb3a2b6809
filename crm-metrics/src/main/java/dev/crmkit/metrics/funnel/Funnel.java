package dev.crmkit.metrics.funnel;

import dev.crmkit.core.kernel.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Conversion through a funnel from the count at each stage: {@code conversionFromPrevious = count_i / count_(i-1)},
 * {@code conversionFromFirst = count_i / count_0} (the product of the steps so far), {@code dropOff = count_(i-1) -
 * count_i}. Example: 500 -> 300 -> 120 converts 0.60 then 0.40, 0.24 from the first stage, and drops 200 then 180.
 * Stateless and thread-safe.
 */
public final class Funnel {

    private Funnel() {
    }

    /**
     * The funnel of counts named {@code stage 1}, {@code stage 2}, ...
     *
     * @throws ValidationException see {@link #ofCounts(List)}
     */
    public static FunnelReport ofCounts(long... counts) {
        Objects.requireNonNull(counts, "counts");
        List<StageCount> stages = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw ValidationException.of("counts[" + i + "]", "not-negative", "must not be negative, was "
                        + counts[i]);
            }
            stages.add(new StageCount("stage " + (i + 1), counts[i]));
        }
        return ofCounts(stages);
    }

    /**
     * The funnel of the given stage counts, first stage first.
     *
     * @throws ValidationException naming {@code stages} when empty, {@code stages[i].stage} for a repeated name or
     *         {@code stages[i].count} when a count exceeds the previous one (a funnel only narrows)
     */
    public static FunnelReport ofCounts(List<StageCount> stages) {
        Objects.requireNonNull(stages, "stages");
        if (stages.isEmpty()) {
            throw ValidationException.of("stages", "required", "needs at least one stage");
        }
        Set<String> names = new HashSet<>();
        List<FunnelStage> out = new ArrayList<>();
        long first = Objects.requireNonNull(stages.get(0), "stages[0]").count();
        long previous = first;
        for (int i = 0; i < stages.size(); i++) {
            StageCount stage = Objects.requireNonNull(stages.get(i), "stages[" + i + "]");
            if (!names.add(stage.stage())) {
                throw ValidationException.of("stages[" + i + "].stage", "unique", "repeats stage " + stage.stage());
            }
            if (stage.count() > previous) {
                throw ValidationException.of("stages[" + i + "].count", "non-increasing", "must not exceed the "
                        + "previous stage's count " + previous + ", was " + stage.count());
            }
            out.add(new FunnelStage(stage.stage(), stage.count(), Ratio.of(stage.count(), previous),
                    Ratio.of(stage.count(), first), previous - stage.count(),
                    Ratio.of(previous - stage.count(), previous)));
            previous = stage.count();
        }
        return new FunnelReport(out);
    }
}
