package dev.crmkit.metrics.acquisition;

import dev.crmkit.core.kernel.Money;

/**
 * The customer acquisition cost of one group (a channel, a month, or everything). Immutable and thread-safe.
 *
 * @param group        the group's key: the channel, the month ({@code 2024-03}) or {@code "all"}
 * @param spend        marketing plus sales spend of the group
 * @param newCustomers new customers of the group, at least 1
 * @param cac          spend / new customers, rounded HALF_EVEN to the currency's scale
 */
public record CacResult(String group, Money spend, long newCustomers, Money cac) {
}
