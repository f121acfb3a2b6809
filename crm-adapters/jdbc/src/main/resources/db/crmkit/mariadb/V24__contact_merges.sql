-- crmkit schema, MariaDB 10.6+: merges of contacts (ContactMerges).
-- ${prefix} is the configured table prefix (default crm_).
--
-- A merged-away contact keeps its row in contact, unchanged but for a raised version (so a node holding a copy cannot
-- write it back); its contact_point and contact_company rows go, so the survivor can take its e-mails and phones.
-- contact_alias says where a merged-away id resolves to: the lists and counts of contacts leave these ids out, and a
-- read by id returns the survivor. Aliases always name the final survivor: a merge re-points older aliases too.
-- The merged-away contact's activity_about rows move to the survivor; on an entry that belongs to both, its row is
-- parked instead (record_type MERGED, on no timeline), so that unmerge can set it back with its seq unchanged.

CREATE TABLE ${prefix}contact_alias (
    merged_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    survivor_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    merge_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    INDEX ${prefix}contact_alias_survivor (survivor_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per merge: what was re-pointed (JSON list of {kind, id, from, to, versionAfter, refsBefore}), the
-- survivor's version right after, the merge's timeline entry, and when it was undone, if it was.
CREATE TABLE ${prefix}contact_merge (
    id                     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    survivor_id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    survivor_version_after BIGINT      NOT NULL,
    activity_id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    repointed              JSON        NOT NULL,
    merged_at              DATETIME(6) NOT NULL,
    undone_at              DATETIME(6),
    INDEX ${prefix}contact_merge_survivor (survivor_id, merged_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The contacts of a merge as they were stored before it: snapshot_no 0 is the survivor, the others were merged away.
-- Same columns as contact, so unmerge writes them back exactly.
CREATE TABLE ${prefix}contact_merge_snapshot (
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
