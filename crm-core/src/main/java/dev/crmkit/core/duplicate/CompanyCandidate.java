package dev.crmkit.core.duplicate;

import dev.crmkit.core.company.CompanyId;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A stored company that looks like a new one.
 *
 * @param companyId the stored company
 * @param score     the match probability, 0 to 1
 * @param reasons   the matcher's per-field reasons
 */
public record CompanyCandidate(CompanyId companyId, double score, List<Reason> reasons) {

    /** Copies the reasons. */
    public CompanyCandidate {
        Objects.requireNonNull(companyId, "companyId");
        reasons = List.copyOf(reasons);
    }

    /** {@code <id> (0.97)}, for messages. */
    public String summary() {
        return companyId + String.format(Locale.ROOT, " (%.2f)", score);
    }

    /** The candidates as one line. */
    public static String summaries(List<CompanyCandidate> candidates) {
        return candidates.stream().map(CompanyCandidate::summary).collect(Collectors.joining(", "));
    }
}
