/**
 * Team performance on plain records: sales targets and their attainment per period and currency
 * ({@link dev.crmkit.metrics.team.Attainments}, pro-rated to an as-of day), activity and call statistics per person
 * ({@link dev.crmkit.metrics.team.TeamActivity}) with top and bottom performers
 * ({@link dev.crmkit.metrics.team.Performers}), and lead response with the share of leads lost after the first
 * contact ({@link dev.crmkit.metrics.team.LeadResponse}). Periods are months, quarters and years
 * ({@link dev.crmkit.metrics.team.Period}); windows are calendar days of a zone
 * ({@link dev.crmkit.metrics.team.Window}). Money is never added across currencies.
 */
package dev.crmkit.metrics.team;
