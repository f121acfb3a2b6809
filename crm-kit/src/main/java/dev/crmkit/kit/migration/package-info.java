/**
 * Migration from another CRM: a {@link dev.crmkit.kit.migration.MigrationMapping} (which columns of the source's
 * exported files become which crmkit fields, value maps, date formats, time zone) applied by
 * {@link dev.crmkit.kit.migration.Migration} to rows of those files, keeping each source id as an
 * {@link dev.crmkit.kit.migration.ExternalId} (the {@link dev.crmkit.kit.migration.ExternalIds} port) and the source's
 * times. Reading files is the caller's job (the {@code crm migrate} command reads CSV and a JSON mapping file).
 */
package dev.crmkit.kit.migration;
