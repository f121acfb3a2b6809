-- crmkit schema, H2 2.x: merges of contacts (ContactMerges).
-- ${prefix} is the configured table prefix (default crm_).
--
-- A merged-away contact keeps its row in contact, unchanged but for a raised version (so a node holding a copy cannot
-- write it back); its contact_point and contact_company rows go, so the survivor can take its e-mails and phones.
-- contact_alias says where a merged-away id resolves to: the lists and counts of contacts leave these ids out, and a
-- read by id returns the survivor. Aliases always name the final survivor: a merge re-points older aliases too.
-- The merged-away contact's activity_about rows move to the survivor; on an entry that belongs to both, its row is
-- parked instead (record_type MERGED, on no timeline), so that unmerge can set it back with its seq unchanged.

CREATE TABLE ${prefix}contact_alias (
    merged_id   UUID NOT NULL PRIMARY KEY,
    survivor_id UUID NOT NULL,
    merge_id    UUID NOT NULL
);
CREATE INDEX ${prefix}contact_alias_survivor ON ${prefix}contact_alias (survivor_id);

-- One row per merge: what was re-pointed (JSON list of {kind, id, from, to, versionAfter, refsBefore}), the
-- survivor's version right after, the merge's timeline entry, and when it was undone, if it was.
CREATE TABLE ${prefix}contact_merge (
    id                     UUID        NOT NULL PRIMARY KEY,
    survivor_id            UUID        NOT NULL,
    survivor_version_after BIGINT      NOT NULL,
    activity_id            UUID        NOT NULL,
    repointed              JSON        NOT NULL,
    merged_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    undone_at              TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ${prefix}contact_merge_survivor ON ${prefix}contact_merge (survivor_id, merged_at);

-- The contacts of a merge as they were stored before it: snapshot_no 0 is the survivor, the others were merged away.
-- Same columns as contact, so unmerge writes them back exactly.
CREATE TABLE ${prefix}contact_merge_snapshot (
    merge_id       UUID         NOT NULL,
    snapshot_no    INTEGER      NOT NULL,
    id             UUID         NOT NULL,
    version        BIGINT       NOT NULL,
    first_name     CHARACTER VARYING NOT NULL,
    last_name      CHARACTER VARYING NOT NULL,
    emails         JSON         NOT NULL,
    phones         JSON         NOT NULL,
    addresses      JSON         NOT NULL,
    language       CHARACTER VARYING(100),
    birthday       DATE,
    consent_status CHARACTER VARYING(16)  NOT NULL,
    consent_since  TIMESTAMP(6) WITH TIME ZONE,
    consent_source CHARACTER VARYING NOT NULL,
    affiliations   JSON         NOT NULL,
    custom_fields  JSON         NOT NULL,
    owner_id       CHARACTER VARYING(200),
    created_at     TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    PRIMARY KEY (merge_id, snapshot_no)
);
