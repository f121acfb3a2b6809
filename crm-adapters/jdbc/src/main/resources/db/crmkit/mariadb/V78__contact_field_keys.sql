-- crmkit schema, MariaDB 10.6+: the custom field values of contacts as keyed rows, so a segment's custom-field
-- conditions (ContactFilter.FieldTextIs/FieldTextContains/FieldNumber/FieldDate/FieldPresent, JdbcContactSegments)
-- run in the database with an index in every dialect (kept the same way as on H2, which has no JSON path
-- functions). Derived from contact.custom_fields and rewritten by every write of a contact row (JdbcContacts:
-- insert, bulk insert, update, merge restore, undo; the erasure deletes them): one row per contact and field key,
-- value_text the value's text in lower case (FieldValue.asText; compared with LIKE, binary),
-- value_key its first 200 characters (the indexed equality key, nopad: a trailing blank counts), value_number a number field within DECIMAL(65, 30),
-- value_date a date field. Personal data as much as custom_fields is; not exported (the export carries
-- custom_fields, and a restore writes these rows again).
-- contact_field_fill queues the contacts stored before this script, which CrmSchema.migrate keys right after it.
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}contact_field (
    contact_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    field        VARCHAR(64)    NOT NULL,
    value_key    VARCHAR(200)   COLLATE utf8mb4_nopad_bin NOT NULL,
    value_text   MEDIUMTEXT     NOT NULL,
    value_number DECIMAL(65, 30),
    value_date   DATE,
    PRIMARY KEY (contact_id, field),
    INDEX ${prefix}contact_field_key (field, value_key),
    INDEX ${prefix}contact_field_number (field, value_number),
    INDEX ${prefix}contact_field_date (field, value_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}contact_field_fill (
    contact_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO ${prefix}contact_field_fill (contact_id) SELECT id FROM ${prefix}contact;
