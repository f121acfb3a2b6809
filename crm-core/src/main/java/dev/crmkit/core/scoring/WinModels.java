package dev.crmkit.core.scoring;

import java.util.Map;
import java.util.Objects;

/**
 * Win models per group (team or pipeline) with an overall model for groups too small for their own. Immutable and
 * thread-safe.
 *
 * @param byGroup the models of the groups that had enough history
 * @param overall the model over all history
 */
public record WinModels(Map<String, WinModel> byGroup, WinModel overall) {

    /** Copies the map. */
    public WinModels {
        byGroup = Map.copyOf(byGroup);
        Objects.requireNonNull(overall, "overall");
    }

    /** The group's model, or the overall one. */
    public WinModel forGroup(String group) {
        return byGroup.getOrDefault(group, overall);
    }
}
