package dev.crmkit.pipeline.definition;

import java.util.List;
import java.util.Objects;

/**
 * One step of a pipeline. Checked in full by {@link PipelineDefinition}'s validation rather than here, so that every
 * problem of a definition is listed at once. Immutable and thread-safe.
 *
 * @param name        the name, unique within its pipeline (ignoring case)
 * @param kind        open, won or lost
 * @param probability the win probability in percent, 0 to 100
 * @param category    the forecast category
 * @param rottingDays after how many days without activity a deal here is rotting; 0 turns it off
 * @param rules       the rules a deal must pass to enter
 * @param actions     what happens when a deal enters
 */
public record Stage(String name, StageKind kind, int probability, ForecastCategory category, int rottingDays,
                    List<StageRule> rules, List<EntryAction> actions) {

    /** Copies the lists and checks presence. */
    public Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        rules = List.copyOf(rules);
        actions = List.copyOf(actions);
    }

    /** Whether deals here are closed (won or lost). */
    public boolean isClosed() {
        return kind.isClosed();
    }
}
