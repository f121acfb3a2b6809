package dev.crmkit.core.scoring;

import java.util.Locale;
import java.util.Objects;

/**
 * How much one field value moved a win probability, in log-odds (natural logarithm): positive towards a win,
 * negative towards a loss, 0 for a value the model never saw.
 *
 * @param field   the field
 * @param value   the value ({@code not <tag>} for a tag the lead lacks)
 * @param logOdds the value's log likelihood ratio, won against lost
 */
public record Contribution(String field, String value, double logOdds) {

    /** Validates presence. */
    public Contribution {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s=%s %+.2f", field, value, logOdds);
    }
}
