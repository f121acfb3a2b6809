package dev.crmkit.metrics.order;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase: who bought, on which calendar day, for how much. Immutable and thread-safe. Its constructor throws
 * {@link ValidationException} when the customer id is blank or the amount negative.
 *
 * @param customerId the customer's id in the embedding application, not blank
 * @param date       the calendar day of the purchase
 * @param amount     what the order was worth, not negative
 */
public record Order(String customerId, LocalDate date, Money amount) {

    /** Validates the order; the message names the field and the rule. */
    public Order {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        if (customerId.isBlank()) {
            throw ValidationException.of("customerId", "required", "must not be blank");
        }
        if (amount.isNegative()) {
            throw ValidationException.of("amount", "not-negative", "must not be negative, was " + amount);
        }
    }
}
