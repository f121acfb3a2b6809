/**
 * The full export of a crmkit store and its import: {@link dev.crmkit.adapters.json.export.StoreExport} writes every
 * record type to a JSON Lines file of its own with a {@code manifest.json} of counts and SHA-256 checksums,
 * {@link dev.crmkit.adapters.json.export.StoreImport} restores it into any store (verified first, resumable).
 * The format ({@link dev.crmkit.adapters.json.export.ExportFormat}) is a list of
 * {@link dev.crmkit.adapters.json.export.RecordFormat}s, one per record type, that later modules extend. See
 * {@code docs/export-format.md}.
 */
package dev.crmkit.adapters.json.export;
