package dev.crmkit.core.customfield;

import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The custom fields a business defines for one record type. Validates a record's values: unknown fields, wrong
 * types, values outside the allowed list and missing required fields are each reported with the field's name.
 * Immutable and thread-safe.
 *
 * @param recordType the record type the fields belong to
 * @param fields     the field definitions, in display order, keys unique
 */
public record CustomFieldSchema(RecordType recordType, List<FieldDefinition> fields) {

    /** Validates that keys are unique. */
    public CustomFieldSchema {
        Objects.requireNonNull(recordType, "recordType");
        fields = List.copyOf(fields);
        Set<String> seen = new HashSet<>();
        List<Violation> problems = new ArrayList<>();
        for (FieldDefinition f : fields) {
            if (!seen.add(f.key())) {
                problems.add(new Violation("fields", "unique", "field key '" + f.key() + "' is defined twice"));
            }
        }
        ValidationException.throwIfAny(problems);
    }

    /** A schema with no fields: every record must then have no custom values. */
    public static CustomFieldSchema empty(RecordType recordType) {
        return new CustomFieldSchema(recordType, List.of());
    }

    /** A schema with these fields. */
    public static CustomFieldSchema of(RecordType recordType, FieldDefinition... fields) {
        return new CustomFieldSchema(recordType, List.of(fields));
    }

    /** The definition of a field, if the schema has it. */
    public Optional<FieldDefinition> field(String key) {
        for (FieldDefinition f : fields) { // a loop, not a stream: every custom value of every capture asks
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every violation of the schema by the values; each names {@code customFields.<key>}. */
    public List<Violation> validate(CustomFields values) {
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<String, FieldValue> e : values.values().entrySet()) {
            String name = "customFields." + e.getKey();
            Optional<FieldDefinition> def = field(e.getKey());
            if (def.isEmpty()) {
                out.add(new Violation(name, "unknown-field", "'" + e.getKey() + "' is not a custom field of "
                        + recordType.name().toLowerCase(java.util.Locale.ROOT) + " records"));
            } else {
                out.addAll(def.get().check(e.getValue(), name));
            }
        }
        for (FieldDefinition f : fields) {
            if (f.required() && values.get(f.key()).isEmpty()) {
                out.add(new Violation("customFields." + f.key(), "required", "'" + f.key() + "' is required"));
            }
        }
        return out;
    }

    /**
     * Reads values from text (an import row's extra columns). Keys the schema does not know are not values: they are
     * returned in {@link ParsedFields#unknownKeys()} for the caller to report. Required fields are checked as well.
     */
    public ParsedFields parse(Map<String, String> raw) {
        if (raw.isEmpty() && !anyRequired()) {
            return NOTHING_PARSED; // most submissions: no text, no required field, so no maps or lists to fill
        }
        Map<String, FieldValue> values = new LinkedHashMap<>();
        List<Violation> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            Optional<FieldDefinition> def = field(e.getKey());
            if (def.isEmpty()) {
                unknown.add(e.getKey());
                continue;
            }
            FieldDefinition.Parsed parsed = def.get().parse(e.getValue() == null ? "" : e.getValue());
            parsed.value().ifPresent(v -> values.put(e.getKey(), v));
            if (!parsed.violations().isEmpty()) {
                problems.addAll(parsed.violations());
            }
        }
        for (FieldDefinition f : fields) {
            if (f.required() && !values.containsKey(f.key()) && !reported(problems, "customFields." + f.key())) {
                problems.add(new Violation("customFields." + f.key(), "required", "'" + f.key() + "' is required"));
            }
        }
        // no values (most submissions): the shared empty instance, not a sorted copy of an empty map
        return new ParsedFields(values.isEmpty() ? CustomFields.empty() : new CustomFields(values), problems, unknown);
    }

    /** What {@link #parse} reads from no text under a schema without required fields. */
    private static final ParsedFields NOTHING_PARSED = new ParsedFields(CustomFields.empty(), List.of(), List.of());

    /** Whether a field is required, by position (no iterator per call). */
    private boolean anyRequired() {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).required()) {
                return true;
            }
        }
        return false;
    }

    private static boolean reported(List<Violation> problems, String field) {
        for (Violation v : problems) {
            if (v.field().equals(field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@link #parse(Map)} read.
     *
     * @param values      the valid values
     * @param violations  what was wrong
     * @param unknownKeys keys that are not fields of the schema
     */
    public record ParsedFields(CustomFields values, List<Violation> violations, List<String> unknownKeys) {
        /** Copies the lists. */
        public ParsedFields {
            Objects.requireNonNull(values, "values");
            violations = List.copyOf(violations);
            unknownKeys = List.copyOf(unknownKeys);
        }
    }
}
