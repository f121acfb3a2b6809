-- crmkit schema, PostgreSQL 13+: the external ids of records migrated from another CRM (ExternalIds).
-- ${prefix} is the configured table prefix (default crm_). One row per source record (system, record type, source
-- id) naming the crmkit record it became; written in the unit of work of that record, so a second run of a migration
-- finds it and updates or skips instead of creating a duplicate. Source ids are compared exactly (binary).

CREATE TABLE ${prefix}external_id (
    source_system varchar(100) NOT NULL,
    record_type   varchar(20)  NOT NULL,
    source_id     varchar(255) NOT NULL,
    record_id     uuid         NOT NULL,
    migrated_at   timestamptz  NOT NULL,
    CONSTRAINT ${prefix}external_id_pk PRIMARY KEY (source_system, record_type, source_id)
);
