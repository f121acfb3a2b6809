package dev.crmkit.metrics.acquisition;

import dev.crmkit.core.kernel.ValidationException;

import java.time.YearMonth;
import java.util.Objects;

/**
 * How many new customers one channel won in one month. Immutable and thread-safe.
 *
 * @param channel the acquisition channel, not blank
 * @param period  the month the customers were won
 * @param count   how many, not negative
 */
public record NewCustomers(String channel, YearMonth period, long count) {

    /**
     * Validates the record.
     *
     * @throws ValidationException naming {@code channel} or {@code count}
     */
    public NewCustomers {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(period, "period");
        if (channel.isBlank()) {
            throw ValidationException.of("channel", "required", "must not be blank");
        }
        if (count < 0) {
            throw ValidationException.of("count", "not-negative", "must not be negative, was " + count);
        }
    }
}
