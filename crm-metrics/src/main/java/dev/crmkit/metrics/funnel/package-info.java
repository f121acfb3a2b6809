/**
 * Conversion funnels: from stage counts ({@link dev.crmkit.metrics.funnel.Funnel}) and from stage history
 * ({@link dev.crmkit.metrics.funnel.StageHistoryFunnel}: reached stages, win rate, time in stage, lifecycle, sales
 * velocity, grouped by source, owner, pipeline or month). Rates are exact {@link dev.crmkit.metrics.funnel.Ratio}s
 * whose decimal value is rounded HALF_EVEN to 6 decimals.
 */
package dev.crmkit.metrics.funnel;
