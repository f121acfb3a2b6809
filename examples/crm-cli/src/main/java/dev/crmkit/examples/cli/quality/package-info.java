/**
 * {@code crm quality}: fill rates of the store's records through crm-metrics'
 * {@link dev.crmkit.metrics.quality.FillRates}, pushed down to the database on a JDBC store.
 */
package dev.crmkit.examples.cli.quality;
