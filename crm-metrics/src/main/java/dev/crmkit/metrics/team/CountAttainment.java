package dev.crmkit.metrics.team;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How far one owner got towards a count target, as of a day. Immutable and thread-safe.
 *
 * @param target         the target
 * @param achieved       how many were counted in the period (within the statistic's window)
 * @param attainment     achieved / target, HALF_EVEN to {@value Attainments#SCALE} decimals
 * @param expectedToDate the target x elapsed days / days of the period, HALF_EVEN to 2 decimals
 * @param gap            target - achieved, zero once reached
 * @param daysLeft       the period's days after the as-of day
 * @param dailyRunRate   gap / daysLeft, HALF_EVEN to 2 decimals; absent when no day is left or nothing is missing
 */
public record CountAttainment(CountTarget target, long achieved, BigDecimal attainment, BigDecimal expectedToDate,
                              long gap, long daysLeft, Optional<BigDecimal> dailyRunRate) {
}
