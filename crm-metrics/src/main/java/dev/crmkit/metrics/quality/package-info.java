/**
 * Data quality on plain records: the fill rate of every standard and custom field per record type, overall and per
 * owner, and the required fields most often empty ({@link dev.crmkit.metrics.quality.FillRates}).
 */
package dev.crmkit.metrics.quality;
