/**
 * {@code crm team stats}: activity, call statistics, target attainment and lead response per person, from CSV files
 * (read with {@link dev.crmkit.examples.cli.leadimport.CsvRecords}) or from a store, fed to crm-metrics' team
 * calculators.
 */
package dev.crmkit.examples.cli.team;
