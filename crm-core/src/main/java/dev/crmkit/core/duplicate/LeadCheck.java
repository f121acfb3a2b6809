package dev.crmkit.core.duplicate;

import java.util.List;

/**
 * What one duplicate check of a lead found ({@link LeadDuplicates#check}): the stored open leads scoring at or above
 * the threshold, best first, how many were read, and whether a candidate query met its bound
 * ({@link DuplicateRules#candidateLimit()}), in which case more stored leads may look alike. Immutable.
 *
 * @param candidates   the suspected duplicates, best first
 * @param read         how many stored leads were read and scored
 * @param limitReached whether the contacts or the leads read met the bound
 */
public record LeadCheck(List<LeadCandidate> candidates, int read, boolean limitReached) {

    /** Copies the list. */
    public LeadCheck {
        candidates = List.copyOf(candidates);
        if (read < 0) {
            throw new IllegalArgumentException("read must not be negative, was " + read);
        }
    }

    /** Nothing looked up: no candidates, nothing read. */
    public static LeadCheck none() {
        return new LeadCheck(List.of(), 0, false);
    }
}
