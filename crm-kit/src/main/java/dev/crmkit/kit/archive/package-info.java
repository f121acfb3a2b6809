/**
 * The archive port of a crmkit store: every record type's rows read in id order a page at a time, and written back
 * exactly as they were (id, version, times), for a full export and its restore. {@link dev.crmkit.kit.archive.Archives}
 * names one {@link dev.crmkit.kit.archive.Archive} per record type; a module that adds record types adds its own.
 */
package dev.crmkit.kit.archive;
