/** Tracking: what happened to a message or because of it (sent, opened, clicked, replied, ...), as typed signals. */
package dev.crmkit.campaigns.tracking;
