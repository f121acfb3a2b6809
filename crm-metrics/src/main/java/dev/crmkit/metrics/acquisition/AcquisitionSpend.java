package dev.crmkit.metrics.acquisition;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What was spent to win customers in one channel and one month. Immutable and thread-safe.
 *
 * @param channel        the acquisition channel ({@code "ads"}, {@code "events"}), not blank
 * @param period         the month of the spend
 * @param marketingSpend marketing spend, not negative
 * @param salesSpend     sales spend, not negative, in the marketing spend's currency
 */
public record AcquisitionSpend(String channel, YearMonth period, Money marketingSpend, Money salesSpend) {

    /**
     * Validates the record.
     *
     * @throws ValidationException naming {@code channel}, {@code marketingSpend} or {@code salesSpend}
     */
    public AcquisitionSpend {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(marketingSpend, "marketingSpend");
        Objects.requireNonNull(salesSpend, "salesSpend");
        if (channel.isBlank()) {
            throw ValidationException.of("channel", "required", "must not be blank");
        }
        checkSpend(marketingSpend, salesSpend);
    }

    /** Refuses negative spend and spend in two currencies, naming the field. */
    static void checkSpend(Money marketingSpend, Money salesSpend) {
        if (marketingSpend.isNegative()) {
            throw ValidationException.of("marketingSpend", "not-negative", "must not be negative, was "
                    + marketingSpend);
        }
        if (salesSpend.isNegative()) {
            throw ValidationException.of("salesSpend", "not-negative", "must not be negative, was " + salesSpend);
        }
        if (!salesSpend.currency().equals(marketingSpend.currency())) {
            throw ValidationException.of("salesSpend", "currency", "must be in the marketing spend's currency "
                    + marketingSpend.currency().getCurrencyCode() + ", was " + salesSpend);
        }
    }

    /** Marketing plus sales spend. */
    public Money total() {
        return marketingSpend.plus(salesSpend);
    }
}
