/** Frequency caps: how many marketing messages a contact may get per day, week and month. */
package dev.crmkit.campaigns.cap;
