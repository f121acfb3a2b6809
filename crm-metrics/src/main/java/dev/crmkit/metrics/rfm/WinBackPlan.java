package dev.crmkit.metrics.rfm;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When to send win-back offers to one customer, and when it counts as lost. Immutable and thread-safe.
 *
 * @param customerId   the customer
 * @param lastPurchase the day of its latest order on or before the as-of date
 * @param offers       the offer due dates, earliest first, all before {@code lostOn}
 * @param lostOn       the day the customer counts as lost if it has not bought again
 * @param nextOffer    the first offer on or after the as-of date; empty when all offers lie before it
 * @param lost         whether the as-of date is on or after {@code lostOn}
 */
public record WinBackPlan(String customerId, LocalDate lastPurchase, List<LocalDate> offers, LocalDate lostOn,
        Optional<LocalDate> nextOffer, boolean lost) {

    /** Copies the offers. */
    public WinBackPlan {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        offers = List.copyOf(Objects.requireNonNull(offers, "offers"));
        Objects.requireNonNull(lostOn, "lostOn");
        Objects.requireNonNull(nextOffer, "nextOffer");
    }
}
