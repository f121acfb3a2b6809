package dev.crmkit.kit.migration;

import java.util.Objects;
import java.util.UUID;

/**
 * A row matched to a record that was in the store already, instead of creating one. Immutable and thread-safe.
 *
 * @param type      the record type
 * @param line      the row's line
 * @param sourceId  its source id
 * @param recordId  the existing record it now links to
 * @param matchedBy what matched: {@code email}, {@code phone} or {@code webDomain}
 */
public record Merge(SourceType type, long line, String sourceId, UUID recordId, String matchedBy) {

    /** Checks presence. */
    public Merge {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(matchedBy, "matchedBy");
    }
}
