package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * How far one owner got in one period and currency: the target (absent for a currency won in without a target),
 * what was won, and, as of a day, what the target pro-rated to that day asks for, the gap to the whole target and the
 * daily run rate that closes it in the days left. Immutable and thread-safe.
 *
 * @param owner          the person or team
 * @param period         the period
 * @param currency       the currency of every amount here
 * @param target         the target, absent when the owner won in this currency without a target for it
 * @param achieved       the amount won in the period (within the statistic's window)
 * @param attainment     achieved / target, HALF_EVEN to {@value Attainments#SCALE} decimals (0.5 is half); absent
 *                       without a target
 * @param expectedToDate the target x elapsed days / days of the period, rounded HALF_EVEN to the currency
 * @param gap            target - achieved, zero once reached; zero without a target
 * @param daysLeft       the period's days after the as-of day
 * @param dailyRunRate   gap / daysLeft, rounded up to the currency: what must be won per remaining day; absent when
 *                       no day is left or nothing is missing
 */
public record Attainment(String owner, Period period, Currency currency, Optional<Money> target, Money achieved,
                         Optional<BigDecimal> attainment, Optional<Money> expectedToDate, Money gap, long daysLeft,
                         Optional<Money> dailyRunRate) {
}
