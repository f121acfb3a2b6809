/**
 * The metrics commands of the {@code crm} program: {@code ltv}, {@code cac}, {@code funnel}, {@code rfm},
 * {@code cohorts}, {@code clv} and {@code report}, reading orders, spend and stage history files
 * ({@link dev.crmkit.examples.cli.metrics.OrdersCsv}, {@link dev.crmkit.examples.cli.metrics.SpendCsv},
 * {@link dev.crmkit.examples.cli.metrics.StageHistoryCsv}) and feeding crmkit's metrics calculators; the report
 * ({@link dev.crmkit.examples.cli.metrics.MetricsReport}) draws its charts with XChart.
 */
package dev.crmkit.examples.cli.metrics;
