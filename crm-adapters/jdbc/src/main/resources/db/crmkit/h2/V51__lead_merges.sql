-- crmkit schema, H2 2.x: merges of leads (LeadMerges), as V24 did for contacts and V39 for companies.
-- ${prefix} is the configured table prefix (default crm_).
--
-- A merged-away lead keeps its row in lead, unchanged but for a raised version; its lead_external_id rows go to the
-- survivor, which takes over its external ids. lead_alias says where a merged-away id resolves to: the lists, counts
-- and open-lead look-ups by e-mail or phone leave these ids out, and a read by id returns the survivor (always the
-- final one). Tasks and timeline rows about a merged-away lead, and deals converted from it, are re-pointed as for contacts.

CREATE TABLE ${prefix}lead_alias (
    merged_id   UUID NOT NULL PRIMARY KEY,
    survivor_id UUID NOT NULL,
    merge_id    UUID NOT NULL
);
CREATE INDEX ${prefix}lead_alias_survivor ON ${prefix}lead_alias (survivor_id);

-- One row per merge of leads, as contact_merge.
CREATE TABLE ${prefix}lead_merge (
    id                     UUID NOT NULL PRIMARY KEY,
    survivor_id            UUID NOT NULL,
    survivor_version_after BIGINT NOT NULL,
    activity_id            UUID NOT NULL,
    repointed              JSON NOT NULL,
    merged_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    undone_at              TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ${prefix}lead_merge_survivor ON ${prefix}lead_merge (survivor_id, merged_at);

-- The leads of a merge as they were stored before it: snapshot_no 0 is the survivor, the others were merged away.
-- Same columns as lead (but seq), so unmerge writes them back exactly.
CREATE TABLE ${prefix}lead_merge_snapshot (
    merge_id                UUID NOT NULL,
    snapshot_no             INTEGER NOT NULL,
    id                      UUID NOT NULL,
    version                 BIGINT NOT NULL,
    contact_id              UUID NOT NULL,
    company_id              UUID,
    channel                 CHARACTER VARYING(32) NOT NULL,
    source_detail           CHARACTER VARYING,
    campaign                CHARACTER VARYING NOT NULL,
    utm_source              CHARACTER VARYING NOT NULL,
    utm_medium              CHARACTER VARYING NOT NULL,
    utm_campaign            CHARACTER VARYING NOT NULL,
    utm_term                CHARACTER VARYING NOT NULL,
    utm_content             CHARACTER VARYING NOT NULL,
    referrer                CHARACTER VARYING NOT NULL,
    external_ids            JSON NOT NULL,
    external_id_fingerprints JSON,
    request                 CHARACTER VARYING NOT NULL,
    first_name              CHARACTER VARYING NOT NULL,
    last_name               CHARACTER VARYING NOT NULL,
    email                   CHARACTER VARYING(254),
    phone                   CHARACTER VARYING(64),
    company_name            CHARACTER VARYING NOT NULL,
    owner_id                CHARACTER VARYING(200),
    status                  CHARACTER VARYING(16) NOT NULL,
    is_open                 BOOLEAN NOT NULL,
    disqualification_reason CHARACTER VARYING,
    submissions             INTEGER NOT NULL,
    custom_fields           JSON NOT NULL,
    created_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (merge_id, snapshot_no)
);

-- A lead merge re-points the deals converted from the merged-away lead: found by this index.
CREATE INDEX ${prefix}deal_lead ON ${prefix}deal (lead_id);
