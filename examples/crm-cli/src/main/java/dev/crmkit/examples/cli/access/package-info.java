/**
 * {@code crm access} (the demo organization, why a user may or may not do something with a record, shares) and
 * {@code crm audit} (the audit trail of a record).
 */
package dev.crmkit.examples.cli.access;
