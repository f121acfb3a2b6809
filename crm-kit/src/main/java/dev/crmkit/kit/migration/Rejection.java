package dev.crmkit.kit.migration;

import dev.crmkit.core.kernel.Violation;

import java.util.List;
import java.util.Objects;

/**
 * A row that was not migrated, and every reason. Immutable and thread-safe.
 *
 * @param type     the record type of its file
 * @param file     the file
 * @param line     the line the row starts on
 * @param sourceId its source id, empty when it has none
 * @param problems each problem: the crmkit field (or {@code id}, a custom field {@code customFields.key}), the rule
 *                 it broke and a message naming the column and value
 */
public record Rejection(SourceType type, String file, long line, String sourceId, List<Violation> problems) {

    /** Copies the problems. */
    public Rejection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sourceId, "sourceId");
        problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection has at least one problem");
        }
    }
}
