-- crmkit schema, PostgreSQL 13+: merges of contacts (ContactMerges).
-- ${prefix} is the configured table prefix (default crm_).
--
-- A merged-away contact keeps its row in contact, unchanged but for a raised version (so a node holding a copy cannot
-- write it back); its contact_point and contact_company rows go, so the survivor can take its e-mails and phones.
-- contact_alias says where a merged-away id resolves to: the lists and counts of contacts leave these ids out, and a
-- read by id returns the survivor. Aliases always name the final survivor: a merge re-points older aliases too.
-- The merged-away contact's activity_about rows move to the survivor; on an entry that belongs to both, its row is
-- parked instead (record_type MERGED, on no timeline), so that unmerge can set it back with its seq unchanged.

CREATE TABLE ${prefix}contact_alias (
    merged_id   uuid NOT NULL PRIMARY KEY,
    survivor_id uuid NOT NULL,
    merge_id    uuid NOT NULL
);
CREATE INDEX ${prefix}contact_alias_survivor ON ${prefix}contact_alias (survivor_id);

-- One row per merge: what was re-pointed (JSON list of {kind, id, from, to, versionAfter, refsBefore}), the
-- survivor's version right after, the merge's timeline entry, and when it was undone, if it was.
CREATE TABLE ${prefix}contact_merge (
    id                     uuid        NOT NULL PRIMARY KEY,
    survivor_id            uuid        NOT NULL,
    survivor_version_after bigint      NOT NULL,
    activity_id            uuid        NOT NULL,
    repointed              jsonb       NOT NULL,
    merged_at              timestamptz NOT NULL,
    undone_at              timestamptz
);
CREATE INDEX ${prefix}contact_merge_survivor ON ${prefix}contact_merge (survivor_id, merged_at);

-- The contacts of a merge as they were stored before it: snapshot_no 0 is the survivor, the others were merged away.
-- Same columns as contact, so unmerge writes them back exactly.
CREATE TABLE ${prefix}contact_merge_snapshot (
    merge_id       uuid         NOT NULL,
    snapshot_no    integer      NOT NULL,
    id             uuid         NOT NULL,
    version        bigint       NOT NULL,
    first_name     text         NOT NULL,
    last_name      text         NOT NULL,
    emails         jsonb        NOT NULL,
    phones         jsonb        NOT NULL,
    addresses      jsonb        NOT NULL,
    language       varchar(100),
    birthday       date,
    consent_status varchar(16)  NOT NULL,
    consent_since  timestamptz,
    consent_source text         NOT NULL,
    affiliations   jsonb        NOT NULL,
    custom_fields  jsonb        NOT NULL,
    owner_id       varchar(200),
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    PRIMARY KEY (merge_id, snapshot_no)
);
