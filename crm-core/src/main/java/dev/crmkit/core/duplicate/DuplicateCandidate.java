package dev.crmkit.core.duplicate;

import dev.crmkit.core.contact.ContactId;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A stored contact that looks like a new or edited one.
 *
 * @param contactId the stored contact
 * @param score     the match probability, 0 to 1
 * @param reasons   the matcher's per-field reasons
 */
public record DuplicateCandidate(ContactId contactId, double score, List<Reason> reasons) {

    /** Copies the reasons. */
    public DuplicateCandidate {
        Objects.requireNonNull(contactId, "contactId");
        reasons = List.copyOf(reasons);
    }

    /** {@code <id> (0.97)}, for messages. */
    public String summary() {
        return contactId + String.format(java.util.Locale.ROOT, " (%.2f)", score);
    }

    /** The candidates as one line. */
    public static String summaries(List<DuplicateCandidate> candidates) {
        return candidates.stream().map(DuplicateCandidate::summary).collect(Collectors.joining(", "));
    }
}
