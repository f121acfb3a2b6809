-- crmkit schema, H2 2.x: how far the restore of an export has come (RestoreLog).
-- ${prefix} is the configured table prefix (default crm_). One row per export (the SHA-256 of its manifest) and record
-- type, holding the key of the last record restored; written in the transaction of each batch of restored records,
-- so an import that crashed goes on after that key without writing a record twice.

CREATE TABLE ${prefix}restore_progress (
    export_id   CHARACTER VARYING(64)  NOT NULL,
    record_type CHARACTER VARYING(100) NOT NULL,
    last_key    CHARACTER VARYING(1000) NOT NULL,
    CONSTRAINT ${prefix}restore_progress_pk PRIMARY KEY (export_id, record_type)
);
