package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * A sales plan: the won amount a person or team is to reach in a period, in one currency. A plan in two currencies
 * is two targets; amounts of different currencies are never added. Immutable and thread-safe.
 *
 * @param owner  the person or team, not blank
 * @param period the month, quarter or year
 * @param amount the amount to win, above zero
 */
public record SalesTarget(String owner, Period period, Money amount) {

    /**
     * Validates the target.
     *
     * @throws ValidationException naming {@code owner} when blank or {@code amount} when not above zero
     */
    public SalesTarget {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
        if (owner.isBlank()) {
            throw ValidationException.of("owner", "required", "a target needs an owner");
        }
        if (!amount.isPositive()) {
            throw ValidationException.of("amount", "positive", "a target must be above zero, was " + amount);
        }
    }
}
