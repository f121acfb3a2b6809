package dev.crmkit.kit.migration;

import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One source row read through its file mapping: each field's text (through the value map), parsed, with every
 * problem collected under the crmkit field's name and a message naming the column and the value. Not thread-safe.
 */
final class Row {

    final FileMapping file;
    final SourceRow source;
    final String sourceId;
    private final TimeText times;
    private final String system;
    private final ExternalIds links;
    final List<Violation> problems = new ArrayList<>();

    Row(FileMapping file, SourceRow source, TimeText times, String system, ExternalIds links) {
        this.file = file;
        this.source = source;
        this.times = times;
        this.system = system;
        this.links = links;
        this.sourceId = source.value(file.idColumn());
    }

    /** The field's text through its value map; empty when unmapped or blank, or when the value map lacks it. */
    Optional<String> text(String field) {
        Optional<String> column = file.column(field);
        if (column.isEmpty() || source.value(column.get()).isEmpty()) {
            return Optional.empty();
        }
        String raw = source.value(column.get());
        Map<String, String> map = file.values().get(field);
        if (map == null) {
            return Optional.of(raw);
        }
        if (!map.containsKey(raw)) {
            problems.add(new Violation(field, "value-map", where(field, raw) + " is not in the value map of "
                    + field + " (" + String.join(", ", map.keySet()) + ")"));
            return Optional.empty();
        }
        return Optional.of(map.get(raw)).filter(v -> !v.isBlank());
    }

    /** The field's text, or a {@code required} problem. */
    String required(String field) {
        Optional<String> value = text(field);
        if (value.isEmpty() && problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(new Violation(field, "required", "column '" + file.column(field).orElse(field)
                    + "' is empty"));
        }
        return value.orElse("");
    }

    /** The field's text parsed; a failure is a problem with the parser's rule, or {@code format}. */
    <T> Optional<T> parsed(String field, Function<String, T> parser) {
        return text(field).flatMap(raw -> {
            try {
                return Optional.of(parser.apply(raw));
            } catch (ValidationException e) {
                e.violations().forEach(v -> problems.add(new Violation(field, v.rule(), where(field, raw) + ": "
                        + v.message())));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new Violation(field, "format", where(field, raw) + ": " + e.getMessage()));
            }
            return Optional.empty();
        });
    }

    /** The field as a time, in the file's format and zone. */
    Optional<Instant> instant(String field) {
        return parsed(field, text -> {
            try {
                return times.instant(text);
            } catch (DateTimeParseException e) {
                throw ValidationException.of(field, "date-format", "not a time in the format '" + file.dateTime()
                        + "'");
            }
        });
    }

    /** The field as a date, in the file's date format. */
    Optional<LocalDate> date(String field) {
        return parsed(field, text -> {
            try {
                return times.date(text);
            } catch (DateTimeParseException e) {
                throw ValidationException.of(field, "date-format", "not a date in the format '" + file.date() + "'");
            }
        });
    }

    /** The crmkit id of the record the field refers to by its source id, or a {@code reference} problem. */
    Optional<UUID> reference(String field, SourceType target) {
        return text(field).flatMap(id -> {
            Optional<UUID> found = links.find(new ExternalKey(system, target, id)).map(ExternalId::recordId);
            if (found.isEmpty()) {
                problems.add(new Violation(field, "reference", where(field, id) + ": no " + target.code()
                        + " with this id was migrated (not in its file, or rejected)"));
            }
            return found;
        });
    }

    private String where(String field, String raw) {
        return "column '" + file.column(field).orElse(field) + "' value '" + raw + "'";
    }

    /** Whether the row has no problem so far. */
    boolean ok() {
        return problems.isEmpty();
    }

    /** The field as one of an enum's constants, written in any case ({@code done}, {@code DONE}). */
    <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
        return text(field).flatMap(raw -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(raw)) {
                    return Optional.of(e);
                }
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(java.util.Locale.ROOT));
            }
            problems.add(new Violation(field, "one-of", where(field, raw) + " is none of " + String.join(", ", names)
                    + (file.values().containsKey(field) ? "" : "; map the source's values in values." + field)));
            return Optional.empty();
        });
    }

    /** The custom field values of the row, checked against the store's schema of the record type. */
    CustomFields customFields(CustomFieldSchema schema) {
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        file.customFields().forEach((key, column) -> raw.put(key, source.value(column)));
        CustomFieldSchema.ParsedFields parsed = schema.parse(raw);
        parsed.violations().forEach(v -> problems.add(new Violation(v.field(), v.rule(), "column '"
                + file.customFields().getOrDefault(v.field().replaceFirst("^customFields\\.", ""), v.field())
                + "': " + v.message())));
        return parsed.values();
    }
}
