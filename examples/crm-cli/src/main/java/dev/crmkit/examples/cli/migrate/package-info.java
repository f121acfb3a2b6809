/**
 * {@code crm migrate}: a migration from another CRM's CSV exports into the store, through a JSON mapping file
 * (docs/migration.md). The mapping is read here ({@link dev.crmkit.examples.cli.migrate.MappingFile}), the CSV files
 * with the lead import's reader ({@link dev.crmkit.examples.cli.migrate.CsvSourceFiles}); the migration itself is
 * crm-kit's {@link dev.crmkit.kit.migration.Migration}.
 */
package dev.crmkit.examples.cli.migrate;
