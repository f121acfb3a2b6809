package dev.crmkit.core.scoring;

import java.util.List;
import java.util.Objects;

/**
 * A model's win probability with its explanation: the prior log-odds (the history's win rate) plus each field
 * value's contribution gives the log-odds of the probability. Immutable and thread-safe.
 *
 * @param probability   the probability to win, 0 to 1
 * @param priorLogOdds  the log-odds of the history's win rate
 * @param contributions every contribution, the largest by absolute value first
 */
public record WinPrediction(double probability, double priorLogOdds, List<Contribution> contributions) {

    /** Validates the probability and copies the list. */
    public WinPrediction {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a probability is 0 to 1, got " + probability);
        }
        contributions = List.copyOf(contributions);
        Objects.requireNonNull(contributions, "contributions");
    }

    /** The {@code n} contributions that moved the probability most. */
    public List<Contribution> strongest(int n) {
        return contributions.subList(0, Math.min(n, contributions.size()));
    }
}
