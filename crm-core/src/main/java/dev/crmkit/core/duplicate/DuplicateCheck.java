package dev.crmkit.core.duplicate;

import java.util.List;

/**
 * What one duplicate check found: the stored records scoring at or above the threshold, best first, and whether the
 * candidate query met its bound ({@link DuplicateRules#candidateLimit()}), in which case stored records beyond the
 * bound (the most recently stored ones) were not scored.
 *
 * @param candidates   the suspected duplicates, best first
 * @param read         how many stored records were read and scored
 * @param limitReached whether the candidate query returned as many records as it was allowed to, so that more may
 *                     exist
 */
public record DuplicateCheck(List<DuplicateCandidate> candidates, int read, boolean limitReached) {

    /** Copies the list. */
    public DuplicateCheck {
        candidates = List.copyOf(candidates);
        if (read < 0) {
            throw new IllegalArgumentException("read must not be negative, was " + read);
        }
    }

    /** Nothing looked up: no candidates, nothing read. */
    public static DuplicateCheck none() {
        return new DuplicateCheck(List.of(), 0, false);
    }
}
