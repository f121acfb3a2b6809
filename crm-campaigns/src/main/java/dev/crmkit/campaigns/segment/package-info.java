/**
 * Segments: saved, dynamic filters over contacts (consent, language, RFM segment, date-relative order and birthday
 * conditions, combined with all/any/not), evaluated as of a day, counted and listed by page.
 */
package dev.crmkit.campaigns.segment;
