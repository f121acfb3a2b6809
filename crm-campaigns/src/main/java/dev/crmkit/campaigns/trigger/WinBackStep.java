package dev.crmkit.campaigns.trigger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One due win-back step. Immutable and thread-safe.
 *
 * @param step         1 for the first offer (9 months in the standard schedule), 2 for the next (12 months), ...
 * @param lastPurchase the purchase the step counts from
 * @param sendOn       the day to send it
 * @param validUntil   the last day the offer is valid: the day before the next step
 */
public record WinBackStep(int step, LocalDate lastPurchase, LocalDate sendOn, LocalDate validUntil) {

    /** Validates the parts. */
    public WinBackStep {
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        Objects.requireNonNull(sendOn, "sendOn");
        Objects.requireNonNull(validUntil, "validUntil");
    }
}
