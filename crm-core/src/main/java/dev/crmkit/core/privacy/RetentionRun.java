package dev.crmkit.core.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one {@link RetentionJob} run did (or, for a dry run, would have done): records anonymized or deleted per
 * record type ({@code contact}, {@code lead} anonymized; {@code task} deleted; {@code activity} anonymized;
 * {@code audit_entry} removed), each counted once however many nodes ran the job at the same time. Immutable.
 *
 * @param asOf   the point the policy's periods were counted back from
 * @param dryRun whether this was a dry run: counted, read only, nothing changed
 * @param counts records per record type, sorted by name; every rule of the policy has its entries, zero included
 */
public record RetentionRun(Instant asOf, boolean dryRun, Map<String, Long> counts) {

    /** Validates and copies the counts, sorted. */
    public RetentionRun {
        Objects.requireNonNull(asOf, "asOf");
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** The count of one record type; zero when absent. */
    public long count(String recordType) {
        return counts.getOrDefault(recordType, 0L);
    }

    /** Every record counted. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
