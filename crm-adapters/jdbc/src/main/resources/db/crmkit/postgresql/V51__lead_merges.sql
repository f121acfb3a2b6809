-- crmkit schema, PostgreSQL 13+: merges of leads (LeadMerges), as V24 did for contacts and V39 for companies.
-- ${prefix} is the configured table prefix (default crm_).
--
-- A merged-away lead keeps its row in lead, unchanged but for a raised version; its lead_external_id rows go to the
-- survivor, which takes over its external ids. lead_alias says where a merged-away id resolves to: the lists, counts
-- and open-lead look-ups by e-mail or phone leave these ids out, and a read by id returns the survivor (always the
-- final one). Tasks and timeline rows about a merged-away lead, and deals converted from it, are re-pointed as for contacts.

CREATE TABLE ${prefix}lead_alias (
    merged_id   uuid NOT NULL PRIMARY KEY,
    survivor_id uuid NOT NULL,
    merge_id    uuid NOT NULL
);
CREATE INDEX ${prefix}lead_alias_survivor ON ${prefix}lead_alias (survivor_id);

-- One row per merge of leads, as contact_merge.
CREATE TABLE ${prefix}lead_merge (
    id                     uuid NOT NULL PRIMARY KEY,
    survivor_id            uuid NOT NULL,
    survivor_version_after bigint NOT NULL,
    activity_id            uuid NOT NULL,
    repointed              jsonb NOT NULL,
    merged_at              timestamptz NOT NULL,
    undone_at              timestamptz
);
CREATE INDEX ${prefix}lead_merge_survivor ON ${prefix}lead_merge (survivor_id, merged_at);

-- The leads of a merge as they were stored before it: snapshot_no 0 is the survivor, the others were merged away.
-- Same columns as lead (but seq), so unmerge writes them back exactly.
CREATE TABLE ${prefix}lead_merge_snapshot (
    merge_id                uuid NOT NULL,
    snapshot_no             integer NOT NULL,
    id                      uuid NOT NULL,
    version                 bigint NOT NULL,
    contact_id              uuid NOT NULL,
    company_id              uuid,
    channel                 varchar(32) NOT NULL,
    source_detail           text,
    campaign                text NOT NULL,
    utm_source              text NOT NULL,
    utm_medium              text NOT NULL,
    utm_campaign            text NOT NULL,
    utm_term                text NOT NULL,
    utm_content             text NOT NULL,
    referrer                text NOT NULL,
    external_ids            jsonb NOT NULL,
    external_id_fingerprints jsonb,
    request                 text NOT NULL,
    first_name              text NOT NULL,
    last_name               text NOT NULL,
    email                   varchar(254),
    phone                   varchar(64),
    company_name            text NOT NULL,
    owner_id                varchar(200),
    status                  varchar(16) NOT NULL,
    is_open                 boolean NOT NULL,
    disqualification_reason text,
    submissions             integer NOT NULL,
    custom_fields           jsonb NOT NULL,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    PRIMARY KEY (merge_id, snapshot_no)
);

-- A lead merge re-points the deals converted from the merged-away lead: found by this index.
CREATE INDEX ${prefix}deal_lead ON ${prefix}deal (lead_id);
