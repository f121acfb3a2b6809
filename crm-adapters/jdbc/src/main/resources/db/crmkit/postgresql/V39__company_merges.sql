-- crmkit schema, PostgreSQL 13+: merges of companies (CompanyMerges), as V24 did for contacts.
-- ${prefix} is the configured table prefix (default crm_).
--
-- A merged-away company keeps its row in company, unchanged but for a raised version; its company_domain row goes, so
-- the survivor can take its web domain. company_alias says where a merged-away id resolves to: the lists and counts of
-- companies leave these ids out, and a read by id returns the survivor (always the final one). Contact affiliations,
-- leads, tasks, deals and timeline rows of a merged-away company are re-pointed as for contacts (V24).

CREATE TABLE ${prefix}company_alias (
    merged_id   uuid NOT NULL PRIMARY KEY,
    survivor_id uuid NOT NULL,
    merge_id    uuid NOT NULL
);
CREATE INDEX ${prefix}company_alias_survivor ON ${prefix}company_alias (survivor_id);

-- One row per merge of companies, as contact_merge.
CREATE TABLE ${prefix}company_merge (
    id                     uuid        NOT NULL PRIMARY KEY,
    survivor_id            uuid        NOT NULL,
    survivor_version_after bigint      NOT NULL,
    activity_id            uuid        NOT NULL,
    repointed              jsonb       NOT NULL,
    merged_at              timestamptz NOT NULL,
    undone_at              timestamptz
);
CREATE INDEX ${prefix}company_merge_survivor ON ${prefix}company_merge (survivor_id, merged_at);

-- The companies of a merge as they were stored before it: snapshot_no 0 is the survivor, the others were merged away.
-- Same columns as company, so unmerge writes them back exactly.
CREATE TABLE ${prefix}company_merge_snapshot (
    merge_id       uuid         NOT NULL,
    snapshot_no    integer      NOT NULL,
    id                  uuid         NOT NULL,
    version             bigint       NOT NULL,
    name                text         NOT NULL,
    name_key            text         NOT NULL,
    name_hash           varchar(64)  NOT NULL,
    legal_name          text         NOT NULL,
    registration_number text         NOT NULL,
    tax_number          text         NOT NULL,
    legal_address       jsonb,
    web_domain          varchar(253),
    industry            text         NOT NULL,
    size                varchar(16)  NOT NULL,
    custom_fields       jsonb        NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    PRIMARY KEY (merge_id, snapshot_no)
);

-- The contacts affiliated with a merged-away company as they were before the merge (their affiliations changed), in
-- the order they were re-pointed. Same columns as contact_merge_snapshot.
CREATE TABLE ${prefix}company_merge_contact (
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
