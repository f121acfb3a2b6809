package dev.crmkit.metrics.funnel;

import dev.crmkit.core.kernel.ValidationException;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stages a deal moves through in order, which of them means won, and optionally a lost stage outside the order.
 * Immutable and thread-safe.
 *
 * @param stageOrder the stages, first stage first; names unique and not blank
 * @param wonStage   the stage that means won; one of {@code stageOrder}
 * @param lostStage  the stage that means lost, if any; not one of {@code stageOrder} (reaching it passes through
 *                   nothing)
 */
public record FunnelDefinition(List<String> stageOrder, String wonStage, Optional<String> lostStage) {

    /**
     * Validates the definition.
     *
     * @throws ValidationException naming {@code stageOrder}, {@code wonStage} or {@code lostStage}
     */
    public FunnelDefinition {
        stageOrder = List.copyOf(Objects.requireNonNull(stageOrder, "stageOrder"));
        Objects.requireNonNull(wonStage, "wonStage");
        Objects.requireNonNull(lostStage, "lostStage");
        if (stageOrder.isEmpty()) {
            throw ValidationException.of("stageOrder", "required", "needs at least one stage");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < stageOrder.size(); i++) {
            if (stageOrder.get(i).isBlank() || !seen.add(stageOrder.get(i))) {
                throw ValidationException.of("stageOrder[" + i + "]", "unique", "must be a non-blank stage named "
                        + "once, was '" + stageOrder.get(i) + "'");
            }
        }
        if (!seen.contains(wonStage)) {
            throw ValidationException.of("wonStage", "in-order", "must be one of " + stageOrder + ", was " + wonStage);
        }
        if (lostStage.isPresent() && seen.contains(lostStage.get())) {
            throw ValidationException.of("lostStage", "outside-order", "must not be one of the ordered stages "
                    + stageOrder + ", was " + lostStage.get());
        }
    }

    /** A definition whose last stage is won and that has no lost stage. */
    public static FunnelDefinition of(List<String> stageOrder) {
        Objects.requireNonNull(stageOrder, "stageOrder");
        if (stageOrder.isEmpty()) {
            throw ValidationException.of("stageOrder", "required", "needs at least one stage");
        }
        return new FunnelDefinition(stageOrder, stageOrder.get(stageOrder.size() - 1), Optional.empty());
    }

    /** The position of a stage in the order, or -1 when it is not in the order. */
    public int indexOf(String stage) {
        return stageOrder.indexOf(stage);
    }
}
