package dev.crmkit.core.customfield;

import dev.crmkit.core.kernel.RecordType;

/** The storage port for custom field schemas, one per record type. */
public interface CustomFieldSchemas {

    /** The schema of a record type; a type nobody defined fields for has the empty schema. */
    CustomFieldSchema schemaFor(RecordType recordType);

    /** Stores the schema of its record type, replacing the previous one. */
    void save(CustomFieldSchema schema);
}
