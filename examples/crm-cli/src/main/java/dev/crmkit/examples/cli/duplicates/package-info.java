/** {@code crm duplicates}: fuzzy duplicate detection over a contacts CSV file. */
package dev.crmkit.examples.cli.duplicates;
