/**
 * Changing who may see and change what: users, teams, roles, default accesses and shares, each change checked
 * against the acting user's permission and recorded in the audit trail in its own unit of work.
 */
package dev.crmkit.core.administration;
