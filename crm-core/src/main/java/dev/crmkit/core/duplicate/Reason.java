package dev.crmkit.core.duplicate;

import java.util.Objects;

/**
 * What one field contributed to a score.
 *
 * @param field  the field
 * @param level  how well the values agreed
 * @param weight the match weight in bits: log2(m / u); positive is evidence for a match, 0 for a missing value
 * @param detail what was compared, in words
 */
public record Reason(Field field, Level level, double weight, String detail) {

    /** Checks the parts. */
    public Reason {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for people: {@code first name EXACT +6.1: 'kathy' ~ 'kathy': equal}. */
    @Override
    public String toString() {
        return field.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + level + " "
                + String.format(java.util.Locale.ROOT, "%+.1f", weight) + ": " + detail;
    }
}
