/**
 * Who may see and change what: users, teams (nested business units), roles with a reporting hierarchy, the acting
 * user ({@link dev.crmkit.core.access.CurrentActor}), per record type a default access, scopes per permission,
 * explicit shares that only widen, field-level and administrative permissions, and the {@link
 * dev.crmkit.core.access.AccessPolicy} that decides and explains. {@link dev.crmkit.core.access.AccessFilter} is the
 * same policy for one actor as a predicate a store query applies (the JDBC store turns it into SQL);
 * {@link dev.crmkit.core.access.VisibleRecords} is the port of the store lists restricted by one, and
 * {@link dev.crmkit.core.access.Guarded} the outcome of a change made through {@code Crm.as(actor)}.
 */
package dev.crmkit.core.access;
