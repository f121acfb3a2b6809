-- crmkit schema, H2 2.x: merges of companies (CompanyMerges), as V24 did for contacts.
-- ${prefix} is the configured table prefix (default crm_).
--
-- A merged-away company keeps its row in company, unchanged but for a raised version; its company_domain row goes, so
-- the survivor can take its web domain. company_alias says where a merged-away id resolves to: the lists and counts of
-- companies leave these ids out, and a read by id returns the survivor (always the final one). Contact affiliations,
-- leads, tasks, deals and timeline rows of a merged-away company are re-pointed as for contacts (V24).

CREATE TABLE ${prefix}company_alias (
    merged_id   UUID NOT NULL PRIMARY KEY,
    survivor_id UUID NOT NULL,
    merge_id    UUID NOT NULL
);
CREATE INDEX ${prefix}company_alias_survivor ON ${prefix}company_alias (survivor_id);

-- One row per merge of companies, as contact_merge.
CREATE TABLE ${prefix}company_merge (
    id                     UUID        NOT NULL PRIMARY KEY,
    survivor_id            UUID        NOT NULL,
    survivor_version_after BIGINT      NOT NULL,
    activity_id            UUID        NOT NULL,
    repointed              JSON        NOT NULL,
    merged_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    undone_at              TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ${prefix}company_merge_survivor ON ${prefix}company_merge (survivor_id, merged_at);

-- The companies of a merge as they were stored before it: snapshot_no 0 is the survivor, the others were merged away.
-- Same columns as company, so unmerge writes them back exactly.
CREATE TABLE ${prefix}company_merge_snapshot (
    merge_id       UUID         NOT NULL,
    snapshot_no    INTEGER      NOT NULL,
    id                  UUID                        NOT NULL,
    version             BIGINT                      NOT NULL,
    name                CHARACTER VARYING           NOT NULL,
    name_key            CHARACTER VARYING           NOT NULL,
    name_hash           CHARACTER VARYING(64)       NOT NULL,
    legal_name          CHARACTER VARYING           NOT NULL,
    registration_number CHARACTER VARYING           NOT NULL,
    tax_number          CHARACTER VARYING           NOT NULL,
    legal_address       JSON,
    web_domain          CHARACTER VARYING(253),
    industry            CHARACTER VARYING           NOT NULL,
    size                CHARACTER VARYING(16)       NOT NULL,
    custom_fields       JSON                        NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (merge_id, snapshot_no)
);

-- The contacts affiliated with a merged-away company as they were before the merge (their affiliations changed), in
-- the order they were re-pointed. Same columns as contact_merge_snapshot.
CREATE TABLE ${prefix}company_merge_contact (
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
