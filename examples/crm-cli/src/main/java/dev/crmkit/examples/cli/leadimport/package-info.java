/**
 * Importing leads from CSV: {@link dev.crmkit.examples.cli.leadimport.CsvRecords} reads records with their physical
 * line numbers, {@link dev.crmkit.examples.cli.leadimport.LeadRowMapper} turns each into a
 * {@link dev.crmkit.core.capture.LeadSubmission}, and {@link dev.crmkit.examples.cli.leadimport.LeadImport} captures
 * them, telling {@link dev.crmkit.examples.cli.leadimport.ImportListener}s what happened to every row, with
 * {@link dev.crmkit.examples.cli.leadimport.PrepareAhead} preparing the next chunk on a helper thread (also used by
 * {@code crm bench jdbc}). The one code path behind both {@code crm import} and {@code crm demo}.
 */
package dev.crmkit.examples.cli.leadimport;
