/**
 * Documents of a visit (photos, certificates): the storage port the host implements for the bytes, and the
 * reference crmkit keeps (metadata and a SHA-256 checksum).
 */
package dev.crmkit.service.document;
