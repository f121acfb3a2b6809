-- crmkit schema, MariaDB 10.6+: merges of companies (CompanyMerges), as V24 did for contacts.
-- ${prefix} is the configured table prefix (default crm_).
--
-- A merged-away company keeps its row in company, unchanged but for a raised version; its company_domain row goes, so
-- the survivor can take its web domain. company_alias says where a merged-away id resolves to: the lists and counts of
-- companies leave these ids out, and a read by id returns the survivor (always the final one). Contact affiliations,
-- leads, tasks, deals and timeline rows of a merged-away company are re-pointed as for contacts (V24).

CREATE TABLE ${prefix}company_alias (
    merged_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    survivor_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    merge_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    INDEX ${prefix}company_alias_survivor (survivor_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per merge of companies, as contact_merge.
CREATE TABLE ${prefix}company_merge (
    id                     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    survivor_id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    survivor_version_after BIGINT      NOT NULL,
    activity_id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    repointed              JSON        NOT NULL,
    merged_at              DATETIME(6) NOT NULL,
    undone_at              DATETIME(6),
    INDEX ${prefix}company_merge_survivor (survivor_id, merged_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The companies of a merge as they were stored before it: snapshot_no 0 is the survivor, the others were merged away.
-- Same columns as company, so unmerge writes them back exactly.
CREATE TABLE ${prefix}company_merge_snapshot (
    merge_id       CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    snapshot_no    INT          NOT NULL,
    id                  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version             BIGINT       NOT NULL,
    name                TEXT         NOT NULL,
    name_key            TEXT         NOT NULL,
    name_hash           CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    legal_name          TEXT         NOT NULL,
    registration_number TEXT         NOT NULL,
    tax_number          TEXT         NOT NULL,
    legal_address       JSON,
    web_domain          VARCHAR(253),
    industry            TEXT         NOT NULL,
    size                VARCHAR(16)  NOT NULL,
    custom_fields       JSON         NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (merge_id, snapshot_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The contacts affiliated with a merged-away company as they were before the merge (their affiliations changed), in
-- the order they were re-pointed. Same columns as contact_merge_snapshot.
CREATE TABLE ${prefix}company_merge_contact (
    merge_id       CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    snapshot_no    INT          NOT NULL,
    id             CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version        BIGINT       NOT NULL,
    first_name     TEXT         NOT NULL,
    last_name      TEXT         NOT NULL,
    emails         JSON         NOT NULL,
    phones         JSON         NOT NULL,
    addresses      JSON         NOT NULL,
    language       VARCHAR(100),
    birthday       DATE,
    consent_status VARCHAR(16)  NOT NULL,
    consent_since  DATETIME(6),
    consent_source TEXT         NOT NULL,
    affiliations   JSON         NOT NULL,
    custom_fields  JSON         NOT NULL,
    owner_id       VARCHAR(200),
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (merge_id, snapshot_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
