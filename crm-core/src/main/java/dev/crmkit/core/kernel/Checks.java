package dev.crmkit.core.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Plain-Java checks of a command's fields, collecting every {@link Violation} with the rule names and messages of the
 * Jakarta constraints the command's components declare ({@code not-null} "must not be null", {@code size} "size must
 * be between 0 and 200", ...), so that crmkit's own validation and a host's Jakarta {@code Validator} report the
 * same. A null value passes every check but {@link #notNull}, {@link #notBlank} and {@link #notEmpty}, as in Jakarta
 * Validation. Not thread-safe: one per validation.
 */
public final class Checks {

    private final List<Violation> violations = new ArrayList<>();

    private Checks() {
    }

    /** Starts checking a command. */
    public static Checks of() {
        return new Checks();
    }

    /** {@code @NotNull}: the value is present. */
    public Checks notNull(String field, Object value) {
        if (value == null) {
            add(field, "not-null", "must not be null");
        }
        return this;
    }

    /** {@code @NotBlank}: the text is present and has a character above white space. */
    public Checks notBlank(String field, CharSequence value) {
        if (value == null || value.toString().trim().isEmpty()) {
            add(field, "not-blank", "must not be blank");
        }
        return this;
    }

    /** {@code @NotEmpty}: the collection is present and not empty. */
    public Checks notEmpty(String field, Collection<?> value) {
        if (value == null || value.isEmpty()) {
            add(field, "not-empty", "must not be empty");
        }
        return this;
    }

    /** {@code @Size(max = max)} of a text: at most {@code max} UTF-16 characters. */
    public Checks maxLength(String field, CharSequence value, int max) {
        if (value != null && value.length() > max) {
            add(field, "size", "size must be between 0 and " + max);
        }
        return this;
    }

    /** {@code @Size(max = max)} of a collection or map: at most {@code max} elements. */
    public Checks maxSize(String field, Object collectionOrMap, int max) {
        int size = collectionOrMap instanceof Collection<?> c ? c.size()
                : collectionOrMap instanceof Map<?, ?> m ? m.size() : 0;
        if (size > max) {
            add(field, "size", "size must be between 0 and " + max);
        }
        return this;
    }

    /** {@code @Pattern(regexp = ..., message = ...)}: the whole text matches. */
    public Checks matches(String field, CharSequence value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(field, "pattern", message);
        }
        return this;
    }

    /** Checks each element of a list, named {@code field[i]}; nothing when the list is null. */
    public <T> Checks eachElement(String field, List<T> values, BiConsumer<String, T> check) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                check.accept(field + "[" + i + "]", values.get(i));
            }
        }
        return this;
    }

    /** Checks each element of an unordered collection, all named {@code field}; nothing when it is null. */
    public <T> Checks eachMember(String field, Collection<T> values, BiConsumer<String, T> check) {
        if (values != null) {
            values.forEach(v -> check.accept(field, v));
        }
        return this;
    }

    /** Checks each value of a map, named {@code field.key}; nothing when the map is null. */
    public <T> Checks eachValue(String field, Map<String, T> values, BiConsumer<String, T> check) {
        if (values != null) {
            values.forEach((key, v) -> check.accept(field + "." + key, v));
        }
        return this;
    }

    /** Checks the value of an optional under the optional's own name; nothing when it is null or empty. */
    public <T> Checks ifPresent(String field, Optional<T> value, BiConsumer<String, T> check) {
        if (value != null) {
            value.ifPresent(v -> check.accept(field, v));
        }
        return this;
    }

    /** Every violation found, in the order found. */
    public List<Violation> violations() {
        return violations.isEmpty() ? List.of() : List.copyOf(violations); // none (most commands): no array to copy
    }

    private void add(String field, String rule, String message) {
        violations.add(new Violation(field, rule, message));
    }
}
