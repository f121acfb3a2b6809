package dev.crmkit.core.customfield;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The custom field values of one record, by field key. Immutable and thread-safe; copy-returning operations.
 *
 * @param values the values by key, sorted by key
 */
public record CustomFields(Map<String, FieldValue> values) {

    private static final CustomFields EMPTY = new CustomFields(Map.of());

    /** Copies the values into an unmodifiable map sorted by key. */
    public CustomFields {
        Objects.requireNonNull(values, "values");
        values.forEach((k, v) -> {
            Objects.requireNonNull(k, "key");
            Objects.requireNonNull(v, "value of " + k);
        });
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** No values. */
    public static CustomFields empty() {
        return EMPTY;
    }

    /** The value of a field, if it has one. */
    public Optional<FieldValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A copy with the field set to the value. */
    public CustomFields with(String key, FieldValue value) {
        TreeMap<String, FieldValue> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new CustomFields(copy);
    }

    /** A copy without the field. */
    public CustomFields without(String key) {
        TreeMap<String, FieldValue> copy = new TreeMap<>(values);
        copy.remove(key);
        return new CustomFields(copy);
    }

    /** A copy that gains the other's values for the fields this one has no value for; its own values stay. */
    public CustomFields fillEmptyFrom(CustomFields other) {
        if (other.values.isEmpty()) { // nothing to gain (a repeat without custom values): no sorted copy
            return this;
        }
        TreeMap<String, FieldValue> copy = new TreeMap<>(other.values);
        copy.putAll(values);
        return new CustomFields(copy);
    }

    /** Whether no field has a value. */
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
