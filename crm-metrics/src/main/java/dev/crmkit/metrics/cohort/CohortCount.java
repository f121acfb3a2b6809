package dev.crmkit.metrics.cohort;

import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One cell of a cohort matrix as a flat row, the shape a SQL query returns: of the customers whose first order fell
 * in the period starting {@code cohortStart}, how many ordered in the period {@code offset} periods later and the
 * total of those orders in minor units. Immutable and thread-safe.
 *
 * @param cohortStart  the first day of the cohort's period
 * @param offset       periods after the cohort's period, 0 for the cohort's own period
 * @param customers    distinct customers of the cohort who ordered in that period, not negative
 * @param revenueMinor the sum of their orders in that period, in the currency's minor units, not negative
 */
public record CohortCount(LocalDate cohortStart, int offset, long customers, long revenueMinor) {

    /**
     * Validates the row.
     *
     * @throws ValidationException naming {@code offset}, {@code customers} or {@code revenueMinor}
     */
    public CohortCount {
        Objects.requireNonNull(cohortStart, "cohortStart");
        if (offset < 0) {
            throw ValidationException.of("offset", "not-negative", "must not be negative, was " + offset);
        }
        if (customers < 0) {
            throw ValidationException.of("customers", "not-negative", "must not be negative, was " + customers);
        }
        if (revenueMinor < 0) {
            throw ValidationException.of("revenueMinor", "not-negative", "must not be negative, was " + revenueMinor);
        }
    }
}
