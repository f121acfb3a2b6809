/** The order-history metrics computed together, sharing their passes over the orders. */
package dev.crmkit.metrics.history;
