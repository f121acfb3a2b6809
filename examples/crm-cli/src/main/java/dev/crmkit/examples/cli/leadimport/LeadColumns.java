package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.customfield.CustomFieldSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each column of an import file's header means: a {@link LeadColumn}, a custom field of the lead schema (by its
 * key), or nothing (an unknown column, ignored and reported once). Immutable.
 */
public final class LeadColumns {

    private final List<String> header;
    private final Map<LeadColumn, Integer> known;
    private final Map<String, Integer> customFields;
    private final List<String> unknown;

    private LeadColumns(List<String> header, Map<LeadColumn, Integer> known, Map<String, Integer> customFields,
                        List<String> unknown) {
        this.header = List.copyOf(header);
        this.known = Collections.unmodifiableMap(known);
        this.customFields = Collections.unmodifiableMap(customFields);
        this.unknown = List.copyOf(unknown);
    }

    /**
     * Reads a header against the lead schema.
     *
     * @throws IllegalArgumentException if no column is a {@link LeadColumn} (the file is not a lead CSV: custom
     *                                  fields alone cannot make a lead; nothing of the header is quoted, it may be
     *                                  binary), or two columns have the same name
     */
    public static LeadColumns of(List<String> header, CustomFieldSchema leadSchema) {
        Map<LeadColumn, Integer> known = new EnumMap<>(LeadColumn.class);
        Map<String, Integer> custom = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String duplicate = null;
        for (int i = 0; i < header.size(); i++) {
            String key = LeadColumn.normalize(header.get(i));
            if (key.isEmpty()) {
                unknown.add("(column " + (i + 1) + ", no name)");
                continue;
            }
            Integer before = seen.putIfAbsent(key, i);
            if (before != null) {
                duplicate = duplicate != null ? duplicate : "the header names column '" + Printable.of(key)
                        + "' twice (columns " + (before + 1) + " and " + (i + 1) + ")";
                continue;
            }
            int column = i;
            LeadColumn.forHeader(key).ifPresentOrElse(c -> known.put(c, column), () -> {
                if (leadSchema.field(key).isPresent()) {
                    custom.put(key, column);
                } else {
                    unknown.add(header.get(column).strip());
                }
            });
        }
        if (known.isEmpty()) {
            // the hint first: a long message is cut short where the program prints it
            throw new IllegalArgumentException("this is not a lead CSV file: its first line names none of the lead "
                    + "columns" + (header.size() == 1 ? " (values separated by other than a comma, semicolon or tab? "
                    + "give the separator with --delimiter)" : "") + ": " + String.join(", ", LeadColumn.names()));
        }
        if (duplicate != null) {
            throw new IllegalArgumentException(duplicate);
        }
        return new LeadColumns(header, known, custom, unknown);
    }

    /** The header as written. */
    public List<String> header() {
        return header;
    }

    /** The value of a known column in a record, or the empty string when the file has no such column. */
    public String value(CsvRecord record, LeadColumn column) {
        Integer index = known.get(column);
        return index == null ? "" : record.cell(index);
    }

    /** Whether the file has the column. */
    public boolean has(LeadColumn column) {
        return known.containsKey(column);
    }

    /** The custom field values of a record, by field key, in column order. */
    public Map<String, String> customFields(CsvRecord record) {
        Map<String, String> out = new LinkedHashMap<>();
        customFields.forEach((key, index) -> out.put(key, record.cell(index)));
        return out;
    }

    /** The keys of the columns read as custom fields. */
    public List<String> customFieldKeys() {
        return List.copyOf(customFields.keySet());
    }

    /** The columns that are neither known nor custom fields, as written; their values are ignored. */
    public List<String> unknown() {
        return unknown;
    }
}
