/**
 * The records crm-metrics' team and quality calculators read, made from crmkit's own aggregates
 * ({@link dev.crmkit.adapters.metrics.TeamRecords}, {@link dev.crmkit.adapters.metrics.QualityRecords}): the
 * definitions both stores' team statistics and fill rates follow, in memory and pushed down to SQL.
 */
package dev.crmkit.adapters.metrics;
