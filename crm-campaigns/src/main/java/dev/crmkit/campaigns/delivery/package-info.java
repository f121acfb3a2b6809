/**
 * Delivery: the ledger of due messages shared by every node ({@link dev.crmkit.campaigns.delivery.CampaignMessages},
 * with exactly-once claiming under a lease), and the run that claims what is due, renders it, sends it through a
 * channel with its idempotency key and marks it sent.
 */
package dev.crmkit.campaigns.delivery;
