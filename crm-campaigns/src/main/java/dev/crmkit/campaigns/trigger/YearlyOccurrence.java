package dev.crmkit.campaigns.trigger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One year's occurrence of a {@link YearlyTrigger}. Immutable and thread-safe.
 *
 * @param year       the year of the celebration (the key of the occurrence: one message per year)
 * @param celebrated the day celebrated that year
 * @param sendOn     the day the message is sent
 * @param validUntil the last day the message is valid
 */
public record YearlyOccurrence(int year, LocalDate celebrated, LocalDate sendOn, LocalDate validUntil) {

    /** Validates the parts. */
    public YearlyOccurrence {
        Objects.requireNonNull(celebrated, "celebrated");
        Objects.requireNonNull(sendOn, "sendOn");
        Objects.requireNonNull(validUntil, "validUntil");
    }
}
