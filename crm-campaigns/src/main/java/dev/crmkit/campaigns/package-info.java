/**
 * crmkit campaigns: the triggers that decide which message is due for whom and when (birthday, win-back), the rules
 * that may hold a message back (consent, frequency caps), and the standard campaigns that combine them.
 */
package dev.crmkit.campaigns;
