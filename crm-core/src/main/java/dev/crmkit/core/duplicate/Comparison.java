package dev.crmkit.core.duplicate;

import java.util.Objects;

/**
 * The outcome of comparing one field of two records.
 *
 * @param field   the field
 * @param level   how well the values agree ({@link Level#MISSING} when a side has no value)
 * @param detail  what was compared, for people: {@code 'kathy' ~ 'katherine': nickname}
 * @param termKey the normalised value for term-frequency adjustment of an exact name match, else empty
 */
public record Comparison(Field field, Level level, String detail, String termKey) {

    /** Checks the parts and that the level is one the field can reach. */
    public Comparison {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(termKey, "termKey");
        if (level != Level.MISSING && !field.levels().contains(level)) {
            throw new IllegalArgumentException(field + " has no level " + level);
        }
    }

    static Comparison of(Field field, Level level, String detail) {
        return new Comparison(field, level, detail, "");
    }

    static Comparison missing(Field field) {
        return new Comparison(field, Level.MISSING, "missing on one side", "");
    }
}
