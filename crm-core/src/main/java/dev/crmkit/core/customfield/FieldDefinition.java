package dev.crmkit.core.customfield;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The definition of one custom field: its key, label, type, whether it is required and, for choice fields, the
 * allowed values. Immutable and thread-safe.
 *
 * @param key           the key values are stored under: lower-case letters, digits and {@code _}, starting with a
 *                      letter, at most 64 characters
 * @param label         the name shown to people
 * @param type          the value type
 * @param required      whether every record must have a value
 * @param allowedValues the values a choice field accepts, in display order; empty for other types
 */
public record FieldDefinition(String key, String label, FieldType type, boolean required, List<String> allowedValues) {

    /** The longest text value accepted. */
    public static final int MAX_TEXT_LENGTH = 10_000;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Validates the definition. */
    public FieldDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        allowedValues = List.copyOf(allowedValues);
        List<Violation> problems = new ArrayList<>();
        if (!KEY.matcher(key).matches()) {
            problems.add(new Violation("key", "format", "field key '" + key
                    + "' must be lower-case letters, digits and _, starting with a letter, at most 64 characters"));
        }
        boolean choice = type == FieldType.SINGLE_CHOICE || type == FieldType.MULTIPLE_CHOICE;
        if (choice && allowedValues.isEmpty()) {
            problems.add(new Violation("allowedValues", "required", "choice field '" + key + "' needs allowed values"));
        }
        if (!choice && !allowedValues.isEmpty()) {
            problems.add(new Violation("allowedValues", "not-allowed",
                    "only choice fields have allowed values, '" + key + "' is " + type));
        }
        if (new LinkedHashSet<>(allowedValues).size() != allowedValues.size()) {
            problems.add(new Violation("allowedValues", "unique", "field '" + key + "' lists an allowed value twice"));
        }
        ValidationException.throwIfAny(problems);
    }

    /** An optional field of a non-choice type, labelled with its key. */
    public static FieldDefinition optional(String key, FieldType type) {
        return new FieldDefinition(key, key, type, false, List.of());
    }

    /** A required field of a non-choice type, labelled with its key. */
    public static FieldDefinition required(String key, FieldType type) {
        return new FieldDefinition(key, key, type, true, List.of());
    }

    /** A choice field. */
    public static FieldDefinition choice(String key, FieldType type, boolean required, String... allowed) {
        return new FieldDefinition(key, key, type, required, Arrays.asList(allowed));
    }

    /**
     * Reads a value of this field from text, as an import file holds it: numbers as plain decimals, booleans as
     * {@code true/false/yes/no/1/0}, dates as ISO {@code 2026-11-23}, money as {@code EUR 12.50}, several choices
     * separated by {@code |}. The result is then checked as {@link #check(FieldValue, String)} does.
     *
     * @return the value, or the violation that names the field and the rule; blank text gives an empty value
     */
    public Parsed parse(String text) {
        Objects.requireNonNull(text, "text");
        String field = "customFields." + key;
        String s = type == FieldType.TEXT ? text : text.strip();
        if (s.isBlank()) {
            return new Parsed(Optional.empty(), required
                    ? List.of(new Violation(field, "required", "'" + key + "' is required")) : List.of());
        }
        FieldValue value;
        try {
            value = switch (type) {
                case TEXT -> new FieldValue.Text(s);
                case NUMBER -> new FieldValue.Number(new BigDecimal(s));
                case BOOLEAN -> new FieldValue.Bool(parseBoolean(s));
                case DATE -> new FieldValue.Date(LocalDate.parse(s));
                case MONEY -> new FieldValue.Amount(Money.parse(s));
                case SINGLE_CHOICE -> new FieldValue.Choice(s);
                case MULTIPLE_CHOICE -> new FieldValue.Choices(splitChoices(s));
            };
        } catch (ArithmeticException e) {
            return new Parsed(Optional.empty(), List.of(new Violation(field, "type",
                    "'" + key + "' must be " + describe(type) + ": " + e.getMessage())));
        } catch (NumberFormatException | DateTimeParseException e) {
            return new Parsed(Optional.empty(), List.of(new Violation(field, "type",
                    "'" + key + "' must be " + describe(type) + ", got '" + s + "'")));
        } catch (IllegalArgumentException e) {
            return new Parsed(Optional.empty(), List.of(new Violation(field, "type",
                    "'" + key + "' must be " + describe(type) + ": " + e.getMessage())));
        }
        List<Violation> problems = check(value, field);
        return new Parsed(problems.isEmpty() ? Optional.of(value) : Optional.empty(), problems);
    }

    /** Every rule of this definition the value breaks, each violation naming {@code field}. */
    public List<Violation> check(FieldValue value, String field) {
        List<Violation> out = new ArrayList<>();
        if (value.type() != type) {
            out.add(new Violation(field, "type", "'" + key + "' must be " + describe(type) + ", got " + value.type()));
            return out;
        }
        if (value instanceof FieldValue.Number n) {
            out.addAll(dev.crmkit.core.kernel.StoreLimits.number(field, n.value()));
        }
        if (value instanceof FieldValue.Amount a) {
            out.addAll(dev.crmkit.core.kernel.StoreLimits.number(field, a.value().amount()));
        }
        if (value instanceof FieldValue.Text t && t.value().length() > MAX_TEXT_LENGTH) {
            out.add(new Violation(field, "max-length", "'" + key + "' is at most " + MAX_TEXT_LENGTH
                    + " characters, got " + t.value().length()));
        }
        if (value instanceof FieldValue.Choice c && !allowedValues.contains(c.value())) {
            out.add(new Violation(field, "allowed-values", "'" + key + "' must be one of " + allowedValues
                    + ", got '" + c.value() + "'"));
        }
        if (value instanceof FieldValue.Choices cs) {
            for (String v : cs.values()) {
                if (!allowedValues.contains(v)) {
                    out.add(new Violation(field, "allowed-values", "'" + key + "' must be chosen from "
                            + allowedValues + ", got '" + v + "'"));
                }
            }
        }
        return out;
    }

    private static boolean parseBoolean(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y":
                return true;
            case "false", "no", "0", "n":
                return false;
            default:
                throw new IllegalArgumentException("'" + s + "' is not true/false/yes/no/1/0");
        }
    }

    private static Set<String> splitChoices(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : s.split("\\|")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String describe(FieldType type) {
        return switch (type) {
            case TEXT -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "an ISO date (2026-11-23)";
            case MONEY -> "money written 'EUR 12.50'";
            case SINGLE_CHOICE -> "one allowed value";
            case MULTIPLE_CHOICE -> "allowed values separated by |";
        };
    }

    /**
     * The result of {@link #parse(String)}: a value (absent for blank text) or the violations found.
     *
     * @param value      the value, when the text held a valid one
     * @param violations what was wrong, empty when nothing was
     */
    public record Parsed(Optional<FieldValue> value, List<Violation> violations) {
        /** Copies the list. */
        public Parsed {
            Objects.requireNonNull(value, "value");
            violations = List.copyOf(violations);
        }
    }
}
