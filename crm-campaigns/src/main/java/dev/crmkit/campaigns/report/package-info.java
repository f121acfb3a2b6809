/**
 * Reports per campaign and variant: sent, delivered, opened, clicked, converted, and the revenue of the orders placed
 * after a message.
 */
package dev.crmkit.campaigns.report;
