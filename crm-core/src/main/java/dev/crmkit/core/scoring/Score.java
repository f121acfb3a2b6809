package dev.crmkit.core.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A lead's score with its explanation: every rule that fired with its points and what decayed, and each group's
 * total and cap. Immutable and thread-safe.
 *
 * @param value       the score, 0 to 100
 * @param temperature the temperature of the score
 * @param stage       the stage the score reaches by itself (the stored stage never moves back, see
 *                    {@link LeadScores})
 * @param lines       the rules that fired, in the model's rule order
 * @param groups      what each group that fired contributed, in group order
 * @param scoredAt    the time the score is for (decay is measured up to it)
 */
public record Score(int value, Temperature temperature, LifecycleStage stage, List<ScoreLine> lines,
                    List<GroupTotal> groups, Instant scoredAt) {

    /** Validates the parts. */
    public Score {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("a score is 0 to 100, got " + value);
        }
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(stage, "stage");
        lines = List.copyOf(lines);
        groups = List.copyOf(groups);
        Objects.requireNonNull(scoredAt, "scoredAt");
    }

    /** The explanation as lines of text: each rule that fired, then each group that was capped, then the total. */
    public List<String> explanation() {
        List<String> text = new ArrayList<>();
        lines.forEach(l -> text.add(l.describe()));
        groups.stream().filter(GroupTotal::capped).forEach(g -> text.add(g.group() + " capped at "
                + (g.raw().signum() < 0 ? "-" : "") + g.cap() + " (was " + g.raw().toPlainString() + ")"));
        text.add("score " + value + " (" + temperature + ")");
        return List.copyOf(text);
    }
}
