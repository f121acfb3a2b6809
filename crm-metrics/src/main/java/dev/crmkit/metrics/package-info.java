/**
 * crmkit metrics: exact calculators for what a customer is worth and how a funnel converts. The calculators take plain
 * input records ({@link dev.crmkit.metrics.order.Order}, stage counts, stage history), so they work on crmkit's data
 * and on an ERP's own alike. Money is {@link java.math.BigDecimal}-based {@link dev.crmkit.core.kernel.Money}; rates
 * and probabilities are fractions between 0 and 1.
 */
package dev.crmkit.metrics;
