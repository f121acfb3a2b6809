package dev.crmkit.core.duplicate;

import java.util.List;
import java.util.Objects;

/**
 * A pair of records that scored at or above the threshold.
 *
 * @param a       the first record's id
 * @param b       the second record's id
 * @param score   the match probability, 0 to 1
 * @param reasons every field's contribution
 */
public record ScoredPair(String a, String b, double score, List<Reason> reasons) {

    /** Checks the ids and copies the reasons. */
    public ScoredPair {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        reasons = List.copyOf(reasons);
    }
}
