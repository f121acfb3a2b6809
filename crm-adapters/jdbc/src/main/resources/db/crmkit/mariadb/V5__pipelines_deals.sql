-- crmkit schema, MariaDB 10.6+: pipelines (every revision kept), deals and the stage history.
-- ${prefix} is the configured table prefix (default crm_). Ids are lower-case UUID text in ascii_bin, which orders
-- them as unsigned numbers like the other dialects; text is utf8mb4 with binary collation, so keys compare exactly.

-- The current revision of each pipeline. name_key is the name stripped and in lower case; it is unbounded text, so
-- the unique key that makes a name belong to one pipeline across nodes is on its SHA-256 (hex), name_hash.
CREATE TABLE ${prefix}pipeline (
    id         CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version    BIGINT       NOT NULL,
    name       TEXT         NOT NULL,
    name_key   TEXT         NOT NULL,
    name_hash  CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    UNIQUE KEY ${prefix}pipeline_name (name_hash),
    INDEX ${prefix}pipeline_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every stored revision of a pipeline, the current one included; never changed once stored. The definition is
-- PipelineJson text (MariaDB's JSON keeps the text as written).
CREATE TABLE ${prefix}pipeline_revision (
    pipeline_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version     BIGINT      NOT NULL,
    definition  JSON        NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (pipeline_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per deal, every field a column: money as an amount at up to 4 decimals (the most any currency has) and
-- its currency code, absent values as NULL, custom fields, documents and approvals as JSON.
-- The lists of a pipeline's deals in creation order, each filter read in order from an index of its own: all of
-- them, by stage, by owner, by source. The close month is a range on expected_close_date (from its first day to the
-- next month's): the planner either reads that range of the month from deal_close and sorts it, or walks the
-- creation order of the pipeline (or of a stage, owner or source) and filters the rows.
CREATE TABLE ${prefix}deal (
    id                   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version              BIGINT         NOT NULL,
    pipeline_id          CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title                TEXT           NOT NULL,
    stage                VARCHAR(400)   NOT NULL,
    stage_entered_at     DATETIME(6)    NOT NULL,
    stage_probability    INT            NOT NULL,
    probability_override INT,
    amount               DECIMAL(38, 4),
    amount_currency      CHAR(3) CHARACTER SET ascii COLLATE ascii_bin,
    expected_close_date  DATE,
    margin               DECIMAL(38, 4),
    margin_currency      CHAR(3) CHARACTER SET ascii COLLATE ascii_bin,
    owner_id             VARCHAR(200),
    contact_id           CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    company_id           CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    lead_id              CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    source               VARCHAR(400)   NOT NULL,
    custom_fields        JSON           NOT NULL,
    documents            JSON           NOT NULL,
    approvals            JSON           NOT NULL,
    lost_reason          TEXT,
    won_at               DATETIME(6),
    lost_at              DATETIME(6),
    created_at           DATETIME(6)    NOT NULL,
    updated_at           DATETIME(6)    NOT NULL,
    INDEX ${prefix}deal_pipeline (pipeline_id, created_at, id),
    INDEX ${prefix}deal_stage (pipeline_id, stage, created_at, id),
    INDEX ${prefix}deal_owner (pipeline_id, owner_id, created_at, id),
    INDEX ${prefix}deal_source (pipeline_id, source, created_at, id),
    INDEX ${prefix}deal_close (pipeline_id, expected_close_date, created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per move of a deal, never changed once stored; a deal's entries are read in the order of the deal versions
-- they produced, from the unique key, which also refuses a second entry for one deal version. The time spent in the
-- previous stage is kept exactly, as seconds and nanoseconds.
CREATE TABLE ${prefix}stage_history (
    id                  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    deal_id             CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    deal_version        BIGINT       NOT NULL,
    pipeline_id         CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    from_stage          TEXT,
    to_stage            TEXT         NOT NULL,
    moved_by            VARCHAR(200) NOT NULL,
    moved_at            DATETIME(6)  NOT NULL,
    seconds_in_previous BIGINT       NOT NULL,
    nanos_in_previous   INT          NOT NULL,
    UNIQUE KEY ${prefix}stage_history_deal_version (deal_id, deal_version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
