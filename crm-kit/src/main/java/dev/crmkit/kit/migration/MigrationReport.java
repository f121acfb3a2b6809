package dev.crmkit.kit.migration;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a migration did, or in a dry run would do: per record type how many rows were created, merged and skipped,
 * each merge, and each rejected row with every reason. Immutable and thread-safe.
 *
 * @param dryRun     whether nothing was written
 * @param counts     per record type (of the mapped files), per outcome, the rows
 * @param merges     the rows matched to existing records, in file order
 * @param rejections the rows not migrated, in file order
 */
public record MigrationReport(boolean dryRun, Map<SourceType, Map<RowOutcome, Long>> counts, List<Merge> merges,
                              List<Rejection> rejections) {

    /** Copies everything. */
    public MigrationReport {
        Map<SourceType, Map<RowOutcome, Long>> copy = new EnumMap<>(SourceType.class);
        counts.forEach((type, perOutcome) -> {
            Map<RowOutcome, Long> c = new EnumMap<>(RowOutcome.class);
            for (RowOutcome o : RowOutcome.values()) {
                c.put(o, perOutcome.getOrDefault(o, 0L));
            }
            copy.put(type, Collections.unmodifiableMap(c));
        });
        counts = Collections.unmodifiableMap(copy);
        merges = List.copyOf(merges);
        rejections = List.copyOf(rejections);
    }

    /** The rows of a type with an outcome; 0 for a type that was not mapped. */
    public long count(SourceType type, RowOutcome outcome) {
        return counts.getOrDefault(type, Map.of()).getOrDefault(outcome, 0L);
    }

    /** The rejected rows of a type. */
    public long rejected(SourceType type) {
        return rejections.stream().filter(r -> r.type() == type).count();
    }
}
