package dev.crmkit.core.customfield;

import dev.crmkit.core.kernel.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The value of one custom field; one record type per {@link FieldType}. Immutable and thread-safe. */
public sealed interface FieldValue {

    /** The field type this value belongs to. */
    FieldType type();

    /** The value as text, in the form {@link FieldDefinition#parse(String)} reads back. */
    String asText();

    /** @param value the text */
    record Text(String value) implements FieldValue {
        /** Validates presence. */
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.TEXT;
        }

        @Override
        public String asText() {
            return value;
        }
    }

    /** @param value the number */
    record Number(BigDecimal value) implements FieldValue {
        /** Validates presence. */
        public Number {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.NUMBER;
        }

        @Override
        public String asText() {
            return value.toPlainString();
        }
    }

    /** @param value yes or no */
    record Bool(boolean value) implements FieldValue {
        @Override
        public FieldType type() {
            return FieldType.BOOLEAN;
        }

        @Override
        public String asText() {
            return Boolean.toString(value);
        }
    }

    /** @param value the date */
    record Date(LocalDate value) implements FieldValue {
        /** Validates presence. */
        public Date {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.DATE;
        }

        @Override
        public String asText() {
            return value.toString();
        }
    }

    /** @param value the amount */
    record Amount(Money value) implements FieldValue {
        /** Validates presence. */
        public Amount {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.MONEY;
        }

        @Override
        public String asText() {
            return value.toString();
        }
    }

    /** @param value the chosen value */
    record Choice(String value) implements FieldValue {
        /** Validates presence. */
        public Choice {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.SINGLE_CHOICE;
        }

        @Override
        public String asText() {
            return value;
        }
    }

    /** @param values the chosen values, kept sorted */
    record Choices(Set<String> values) implements FieldValue {
        /** Copies the values into a sorted, unmodifiable set. */
        public Choices {
            values = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
        }

        @Override
        public FieldType type() {
            return FieldType.MULTIPLE_CHOICE;
        }

        @Override
        public String asText() {
            return String.join("|", new TreeSet<>(values));
        }
    }
}
