package dev.crmkit.examples.cli.leadimport;

import java.util.List;

/**
 * One record of a CSV file as read: its values in column order, and the physical line it starts on (1 is the header;
 * a quoted value spanning lines makes later records start further down). Immutable.
 *
 * @param line  the physical line number the record starts on, 1-based
 * @param cells the values, in column order
 */
public record CsvRecord(long line, List<String> cells) {

    /** Copies the values. */
    public CsvRecord {
        cells = List.copyOf(cells);
    }

    /** The value in a column, or the empty string when the record is shorter. */
    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
