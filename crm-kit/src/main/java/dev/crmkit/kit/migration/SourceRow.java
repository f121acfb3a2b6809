package dev.crmkit.kit.migration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of an exported file as read: its values by column name and the line it starts on (the header is line 1).
 * Immutable.
 *
 * @param line   the line number the row starts on, for reports
 * @param values column name to value; a column the row lacks reads as empty
 */
public record SourceRow(long line, Map<String, String> values) {

    /** Copies the values. */
    public SourceRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a column, stripped of surrounding blanks; empty when the row has none. */
    public String value(String column) {
        String v = values.get(column);
        return v == null ? "" : v.strip();
    }
}
