/**
 * Triggers: the pure rules that say on which day of the contact's calendar a campaign step is due (a yearly date such
 * as a birthday; the win-back steps after the last order).
 */
package dev.crmkit.campaigns.trigger;
