/**
 * Customer acquisition cost: {@link dev.crmkit.metrics.acquisition.Cac} (total, by channel, by period),
 * the LTV:CAC ratio with its {@link dev.crmkit.metrics.acquisition.LtvCacBand} and the
 * {@link dev.crmkit.metrics.acquisition.IndustryNorm} table, and {@link dev.crmkit.metrics.acquisition.CacPayback}.
 */
package dev.crmkit.metrics.acquisition;
