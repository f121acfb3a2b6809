-- crmkit schema, MariaDB 10.6+: the external ids of records migrated from another CRM (ExternalIds).
-- ${prefix} is the configured table prefix (default crm_). One row per source record (system, record type, source
-- id) naming the crmkit record it became; written in the unit of work of that record, so a second run of a migration
-- finds it and updates or skips instead of creating a duplicate. Source ids are compared exactly (binary; NO PAD,
-- so a trailing blank counts, which utf8mb4_bin would ignore).

CREATE TABLE ${prefix}external_id (
    source_system VARCHAR(100) COLLATE utf8mb4_nopad_bin NOT NULL,
    record_type   VARCHAR(20)  NOT NULL,
    source_id     VARCHAR(255) COLLATE utf8mb4_nopad_bin NOT NULL,
    record_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    migrated_at   DATETIME(6)  NOT NULL,
    CONSTRAINT ${prefix}external_id_pk PRIMARY KEY (source_system, record_type, source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
