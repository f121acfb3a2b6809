/**
 * Order history as the metrics read it: one {@link dev.crmkit.metrics.order.Order} per purchase, and the columnar
 * {@link dev.crmkit.metrics.order.OrderBook} that holds millions of them in primitive arrays; and what one pass over
 * those arrays gathers for the metrics ({@link dev.crmkit.metrics.order.OrderPass}: per-customer
 * {@link dev.crmkit.metrics.order.CustomerTotals} and per-period {@link dev.crmkit.metrics.order.PeriodCells}).
 */
package dev.crmkit.metrics.order;
