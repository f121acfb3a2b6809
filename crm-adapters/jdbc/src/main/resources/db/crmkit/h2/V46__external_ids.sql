-- crmkit schema, H2 2.x: the external ids of records migrated from another CRM (ExternalIds).
-- ${prefix} is the configured table prefix (default crm_). One row per source record (system, record type, source
-- id) naming the crmkit record it became; written in the unit of work of that record, so a second run of a migration
-- finds it and updates or skips instead of creating a duplicate. Source ids are compared exactly (binary).

CREATE TABLE ${prefix}external_id (
    source_system CHARACTER VARYING(100) NOT NULL,
    record_type   CHARACTER VARYING(20)  NOT NULL,
    source_id     CHARACTER VARYING(255) NOT NULL,
    record_id     UUID                   NOT NULL,
    migrated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}external_id_pk PRIMARY KEY (source_system, record_type, source_id)
);
