package dev.crmkit.kit.migration;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one exported file of the source becomes crmkit records of one type. Immutable and thread-safe.
 *
 * @param type         the record type the rows become
 * @param file         the file's name, relative to the export folder
 * @param idColumn     the column holding each row's source id
 * @param columns      crmkit field to column ({@code "firstName" -> "First name"}); the fields of
 *                     {@code MappedFields} only
 * @param customFields custom field key to column, for companies, contacts and deals
 * @param values       per crmkit field, source text to crmkit text ({@code "stage" -> {"Won" -> "won"}}): a value
 *                     not in the map rejects the row
 * @param dateTime     how times are written ({@link DateTimeFormatter} pattern, or {@code ISO})
 * @param date         how dates are written
 * @param zone         the time zone of times written without an offset
 * @param constants    values that hold for every row: {@code pipeline} (deals; default the store's default pipeline),
 *                     {@code currency} (deals without a currency column)
 */
public record FileMapping(SourceType type, String file, String idColumn, Map<String, String> columns,
                          Map<String, String> customFields, Map<String, Map<String, String>> values, String dateTime,
                          String date, ZoneId zone, Map<String, String> constants) {

    /** The constants a file mapping may set. */
    static final List<String> CONSTANTS = List.of("pipeline", "currency");

    /**
     * Checks the mapping and copies the maps, keeping their order.
     *
     * @throws ValidationException naming every problem by its path in the mapping file ({@code deals.columns.stge})
     *                             and rule: {@code required}, {@code known-field}, {@code date-format},
     *                             {@code custom-fields}, {@code known-constant}
     */
    public FileMapping {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(zone, "zone");
        columns = copy(columns);
        customFields = copy(customFields);
        Map<String, Map<String, String>> v = new LinkedHashMap<>();
        values.forEach((field, map) -> v.put(field, copy(map)));
        values = Collections.unmodifiableMap(v);
        constants = copy(constants);
        ValidationException.throwIfAny(problems(type, file, idColumn, columns, customFields, values, dateTime, date,
                constants));
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static List<Violation> problems(SourceType type, String file, String idColumn,
                                            Map<String, String> columns, Map<String, String> customFields,
                                            Map<String, Map<String, String>> values, String dateTime, String date,
                                            Map<String, String> constants) {
        String at = type.plural() + ".";
        List<Violation> problems = new ArrayList<>();
        if (file == null || file.isBlank()) {
            problems.add(new Violation(at + "file", "required", "name the exported file of " + type.plural()));
        }
        if (idColumn == null || idColumn.isBlank()) {
            problems.add(new Violation(at + "id", "required", "name the column of the source ids"));
        }
        columns.forEach((field, column) -> {
            if (!MappedFields.known(type).contains(field)) {
                problems.add(new Violation(at + "columns." + field, "known-field", "'" + field + "' is no field of "
                        + type.plural() + "; known: " + String.join(", ", MappedFields.known(type))));
            } else if (column == null || column.isBlank()) {
                problems.add(new Violation(at + "columns." + field, "required", "name a column"));
            }
        });
        for (String field : MappedFields.known(type)) {
            if (MappedFields.required(type).contains(field) && !columns.containsKey(field)) {
                problems.add(new Violation(at + "columns." + field, "required", type.plural() + " need a column for "
                        + field));
            }
        }
        if (!customFields.isEmpty() && !MappedFields.hasCustomFields(type)) {
            problems.add(new Violation(at + "customFields", "custom-fields", type.plural()
                    + " have no custom fields; only companies, contacts and deals do"));
        }
        values.keySet().stream().filter(f -> !columns.containsKey(f)).forEach(f -> problems.add(new Violation(
                at + "values." + f, "known-field", "values are given for '" + f + "', which no column maps")));
        constants.keySet().stream().filter(c -> !CONSTANTS.contains(c) || type != SourceType.DEAL).forEach(c ->
                problems.add(new Violation(at + c, "known-constant", "'" + c + "' is no setting of " + type.plural())));
        pattern(problems, at + "dateTimeFormat", dateTime);
        pattern(problems, at + "dateFormat", date);
        return problems;
    }

    private static void pattern(List<Violation> problems, String path, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            problems.add(new Violation(path, "required", "give a date pattern or ISO"));
            return;
        }
        if (!pattern.equals(TimeText.ISO)) {
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                problems.add(new Violation(path, "date-format", "'" + pattern + "' is no date pattern: "
                        + e.getMessage()));
            }
        }
    }

    /** The column of a field, if the mapping maps it. */
    public Optional<String> column(String field) {
        return Optional.ofNullable(columns.get(field));
    }

    /** A constant of the mapping, if set. */
    public Optional<String> constant(String name) {
        return Optional.ofNullable(constants.get(name));
    }
}
