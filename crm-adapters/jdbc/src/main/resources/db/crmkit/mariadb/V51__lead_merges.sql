-- crmkit schema, MariaDB 10.6+: merges of leads (LeadMerges), as V24 did for contacts and V39 for companies.
-- ${prefix} is the configured table prefix (default crm_).
--
-- A merged-away lead keeps its row in lead, unchanged but for a raised version; its lead_external_id rows go to the
-- survivor, which takes over its external ids. lead_alias says where a merged-away id resolves to: the lists, counts
-- and open-lead look-ups by e-mail or phone leave these ids out, and a read by id returns the survivor (always the
-- final one). Tasks and timeline rows about a merged-away lead, and deals converted from it, are re-pointed as for contacts.

CREATE TABLE ${prefix}lead_alias (
    merged_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    survivor_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    merge_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    INDEX ${prefix}lead_alias_survivor (survivor_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per merge of leads, as contact_merge.
CREATE TABLE ${prefix}lead_merge (
    id                     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    survivor_id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    survivor_version_after BIGINT NOT NULL,
    activity_id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    repointed              JSON NOT NULL,
    merged_at              DATETIME(6) NOT NULL,
    undone_at              DATETIME(6),
    INDEX ${prefix}lead_merge_survivor (survivor_id, merged_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The leads of a merge as they were stored before it: snapshot_no 0 is the survivor, the others were merged away.
-- Same columns as lead (but seq), so unmerge writes them back exactly.
CREATE TABLE ${prefix}lead_merge_snapshot (
    merge_id                CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    snapshot_no             INT NOT NULL,
    id                      CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version                 BIGINT NOT NULL,
    contact_id              CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    company_id              CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    channel                 VARCHAR(32) NOT NULL,
    source_detail           TEXT,
    campaign                TEXT NOT NULL,
    utm_source              TEXT NOT NULL,
    utm_medium              TEXT NOT NULL,
    utm_campaign            TEXT NOT NULL,
    utm_term                TEXT NOT NULL,
    utm_content             TEXT NOT NULL,
    referrer                TEXT NOT NULL,
    external_ids            JSON NOT NULL,
    external_id_fingerprints JSON,
    request                 TEXT NOT NULL,
    first_name              TEXT NOT NULL,
    last_name               TEXT NOT NULL,
    email                   VARCHAR(254),
    phone                   VARCHAR(64),
    company_name            TEXT NOT NULL,
    owner_id                VARCHAR(200),
    status                  VARCHAR(16) NOT NULL,
    is_open                 BOOLEAN NOT NULL,
    disqualification_reason TEXT,
    submissions             INT NOT NULL,
    custom_fields           JSON NOT NULL,
    created_at              DATETIME(6) NOT NULL,
    updated_at              DATETIME(6) NOT NULL,
    PRIMARY KEY (merge_id, snapshot_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A lead merge re-points the deals converted from the merged-away lead: found by this index.
CREATE INDEX ${prefix}deal_lead ON ${prefix}deal (lead_id);
