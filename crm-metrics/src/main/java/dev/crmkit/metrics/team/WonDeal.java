package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deal someone won: what counts towards a sales target, on the day it was won. Immutable and thread-safe.
 *
 * @param owner  who won it, not blank
 * @param wonOn  the day it was won
 * @param amount its amount, not negative
 */
public record WonDeal(String owner, LocalDate wonOn, Money amount) {

    /**
     * Validates the deal.
     *
     * @throws ValidationException naming {@code owner} when blank or {@code amount} when negative
     */
    public WonDeal {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(wonOn, "wonOn");
        Objects.requireNonNull(amount, "amount");
        if (owner.isBlank()) {
            throw ValidationException.of("owner", "required", "a won deal needs an owner");
        }
        if (amount.isNegative()) {
            throw ValidationException.of("amount", "not-negative", "a won amount must not be negative, was "
                    + amount);
        }
    }
}
