package dev.crmkit.core.customfield;

/** The type of a custom field, which fixes the {@link FieldValue} it holds. */
public enum FieldType {
    /** Free text, at most {@link FieldDefinition#MAX_TEXT_LENGTH} characters: {@link FieldValue.Text}. */
    TEXT,
    /** A decimal number: {@link FieldValue.Number}. */
    NUMBER,
    /** Yes or no: {@link FieldValue.Bool}. */
    BOOLEAN,
    /** A calendar date: {@link FieldValue.Date}. */
    DATE,
    /** An amount of money: {@link FieldValue.Amount}. */
    MONEY,
    /** One of the allowed values: {@link FieldValue.Choice}. */
    SINGLE_CHOICE,
    /** Any number of the allowed values: {@link FieldValue.Choices}. */
    MULTIPLE_CHOICE
}
