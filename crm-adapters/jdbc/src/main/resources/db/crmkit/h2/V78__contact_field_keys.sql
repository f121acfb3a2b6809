-- crmkit schema, H2: the custom field values of contacts as keyed rows, so a segment's custom-field conditions
-- (ContactFilter.FieldTextIs/FieldTextContains/FieldNumber/FieldDate/FieldPresent, JdbcContactSegments) run in the
-- database with an index in every dialect (H2 has no JSON path functions). Derived from contact.custom_fields and
-- rewritten by every write of a contact row (JdbcContacts: insert, bulk insert, update, merge restore, undo; the
-- erasure deletes them): one row per contact and field key, value_text the value's text in lower case
-- (FieldValue.asText), value_key its first 200 characters (the indexed equality key), value_number a number field
-- within DECIMAL(65, 30), value_date a date field. Personal data as much as custom_fields is; not exported (the
-- export carries custom_fields, and a restore writes these rows again).
-- contact_field_fill queues the contacts stored before this script, which CrmSchema.migrate keys right after it.
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}contact_field (
    contact_id   UUID                   NOT NULL,
    field        CHARACTER VARYING(64)  NOT NULL,
    value_key    CHARACTER VARYING(200) NOT NULL,
    value_text   CHARACTER LARGE OBJECT NOT NULL,
    value_number NUMERIC(65, 30),
    value_date   DATE,
    PRIMARY KEY (contact_id, field)
);
CREATE INDEX ${prefix}contact_field_key ON ${prefix}contact_field (field, value_key);
CREATE INDEX ${prefix}contact_field_number ON ${prefix}contact_field (field, value_number);
CREATE INDEX ${prefix}contact_field_date ON ${prefix}contact_field (field, value_date);

CREATE TABLE ${prefix}contact_field_fill (
    contact_id UUID NOT NULL PRIMARY KEY
);
INSERT INTO ${prefix}contact_field_fill (contact_id) SELECT id FROM ${prefix}contact;
