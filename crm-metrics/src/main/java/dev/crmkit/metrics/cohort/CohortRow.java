package dev.crmkit.metrics.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One cohort of a {@link CohortMatrix}: per period offset k (0 = the cohort's own period) the distinct customers who
 * ordered and their revenue in minor units, up to the matrix's last period. Immutable and thread-safe.
 *
 * @param cohortStart  the first day of the cohort's period
 * @param label        the period's label ({@code 2024-03}, {@code 2024-W10})
 * @param customers    per offset k, distinct customers of the cohort who ordered in period cohort + k
 * @param revenueMinor per offset k, what they ordered in that period, in minor units
 */
public record CohortRow(LocalDate cohortStart, String label, List<Long> customers, List<Long> revenueMinor) {

    /** Decimals of the rates, rounded HALF_EVEN. */
    public static final int RATE_SCALE = 6;

    /** Copies the lists. */
    public CohortRow {
        Objects.requireNonNull(cohortStart, "cohortStart");
        Objects.requireNonNull(label, "label");
        customers = List.copyOf(customers);
        revenueMinor = List.copyOf(revenueMinor);
    }

    /** The cohort size: the customers of offset 0. */
    public long size() {
        return customers.get(0);
    }

    /** How many periods the row covers. */
    public int periods() {
        return customers.size();
    }

    /** Retention at offset k: {@code customers(k) / size}, from 0 to 1; 1 at k = 0. */
    public BigDecimal retention(int k) {
        return rate(customers.get(k), size());
    }

    /**
     * Churn in period k (k at least 1): {@code 1 - retention(k) / retention(k-1)}, that is
     * {@code (customers(k-1) - customers(k)) / customers(k-1)}. Retention here counts who ordered in the period, not
     * who is still a customer, so churn is negative when more customers order in k than in k-1. Empty for k = 0 or
     * when nobody ordered in k-1.
     */
    public Optional<BigDecimal> churn(int k) {
        if (k < 1 || k >= customers.size() || customers.get(k - 1) == 0) {
            return Optional.empty();
        }
        long before = customers.get(k - 1);
        return Optional.of(BigDecimal.valueOf(before - customers.get(k))
                .divide(BigDecimal.valueOf(before), RATE_SCALE, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal rate(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}
