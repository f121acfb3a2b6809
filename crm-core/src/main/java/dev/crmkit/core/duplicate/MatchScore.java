package dev.crmkit.core.duplicate;

import java.util.List;

/**
 * The score of a pair of records and its explanation.
 *
 * @param probability the probability, 0 to 1, that both records are the same person or company
 * @param weight      the total match weight in bits (prior odds plus every field's weight)
 * @param reasons     every field's contribution, in the order of {@link Field}
 */
public record MatchScore(double probability, double weight, List<Reason> reasons) {

    /** Copies the reasons and checks the probability. */
    public MatchScore {
        reasons = List.copyOf(reasons);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1, was " + probability);
        }
    }
}
