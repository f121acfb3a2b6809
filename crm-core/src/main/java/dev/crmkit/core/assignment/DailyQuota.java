package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A monthly capacity spread over the days of the month. Day {@code d} of a month of {@code L} days gets
 * {@code floor(c * d / L) - floor(c * (d - 1) / L)} of a capacity {@code c}: the quotas of a month add up to exactly
 * {@code c}, differ by at most one from day to day, and a capacity smaller than the month has days of quota 0.
 * Every calendar day counts, weekends included, because leads arrive on weekends too.
 */
public final class DailyQuota {

    private DailyQuota() {
    }

    /**
     * The quota of the day.
     *
     * @param monthlyCapacity the capacity of the day's month, at least 0
     * @param day             the day
     */
    public static int of(int monthlyCapacity, LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (monthlyCapacity < 0) {
            throw ValidationException.of("monthlyCapacity", "not-negative",
                    "a monthly capacity must not be negative, got " + monthlyCapacity);
        }
        long length = day.lengthOfMonth();
        long d = day.getDayOfMonth();
        return (int) (monthlyCapacity * d / length - monthlyCapacity * (d - 1) / length);
    }
}
