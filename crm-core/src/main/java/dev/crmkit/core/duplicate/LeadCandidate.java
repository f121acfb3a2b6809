package dev.crmkit.core.duplicate;

import dev.crmkit.core.lead.LeadId;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A stored open lead that looks like a lead being captured. Immutable and thread-safe.
 *
 * @param leadId  the stored lead
 * @param score   the match probability, 0 to 1
 * @param reasons the matcher's per-field reasons (name, e-mail, phone, company name)
 */
public record LeadCandidate(LeadId leadId, double score, List<Reason> reasons) {

    /** Copies the reasons. */
    public LeadCandidate {
        Objects.requireNonNull(leadId, "leadId");
        reasons = List.copyOf(reasons);
    }

    /** {@code <id> (0.97)}, for messages. */
    public String summary() {
        return leadId + String.format(Locale.ROOT, " (%.2f)", score);
    }

    /** The candidates as one line. */
    public static String summaries(List<LeadCandidate> candidates) {
        return candidates.stream().map(LeadCandidate::summary).collect(Collectors.joining(", "));
    }
}
