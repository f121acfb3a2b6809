package dev.crmkit.core.scoring;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.LeadId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A win probability a user typed by hand; it overrides the model until cleared. Immutable and thread-safe.
 *
 * @param leadId      the lead
 * @param probability the probability, 0 to 1, at most four decimals
 * @param setBy       who typed it
 * @param setAt       when
 */
public record ManualProbability(LeadId leadId, BigDecimal probability, UserId setBy, Instant setAt) {

    /** Validates the parts. */
    public ManualProbability {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(probability, "probability");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
        if (probability.signum() < 0 || probability.compareTo(BigDecimal.ONE) > 0) {
            throw ValidationException.of("probability", "range", "a probability is 0 to 1, got "
                    + probability.toPlainString());
        }
        if (probability.stripTrailingZeros().scale() > 4) {
            throw ValidationException.of("probability", "scale", "a probability has at most four decimals, got "
                    + probability.toPlainString());
        }
    }
}
