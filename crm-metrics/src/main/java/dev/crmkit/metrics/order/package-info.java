/**
 * Order history as the metrics read it: one {@link dev.crmkit.metrics.order.Order} per purchase, and the columnar
 * {@link dev.crmkit.metrics.order.OrderBook} that holds millions of them in primitive arrays.
 */
package dev.crmkit.metrics.order;
