-- crmkit schema, MariaDB 10.6+: lead scores, hand-typed win probabilities, and what assignment policies remember.
-- ${prefix} is the configured table prefix (default crm_). Ids are lower-case UUID text in ascii_bin; text is
-- utf8mb4 with binary collation, so keys compare exactly.

-- One row per lead that was scored. stage_order is the lifecycle stage's position (0 lead, 1 marketing-qualified,
-- 2 sales-qualified): the batch upsert keeps GREATEST(stored, new) of it, so a stage never moves back.
CREATE TABLE ${prefix}lead_score (
    lead_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    score       INT          NOT NULL,
    temperature VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    stage       VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    stage_order INT          NOT NULL,
    scored_at   DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- At most one hand-typed win probability per lead; it overrides the model until the row is deleted.
CREATE TABLE ${prefix}probability_override (
    lead_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    probability DECIMAL(5, 4) NOT NULL,
    set_by      VARCHAR(200)  NOT NULL,
    set_at      DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The next ticket of each rotation (round robin per team): taken with UPDATE ... SET next_ticket = next_ticket + 1,
-- whose row lock makes the tickets distinct and dense across nodes.
CREATE TABLE ${prefix}assignment_rotation (
    name        VARCHAR(400) NOT NULL PRIMARY KEY,
    next_ticket BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The units of each member's daily quota in use: taken with UPDATE ... WHERE used_units < quota, so the use never
-- exceeds the quota, whatever the concurrency.
CREATE TABLE ${prefix}assignment_quota (
    member_id  VARCHAR(200) NOT NULL,
    quota_day  DATE         NOT NULL,
    used_units INT          NOT NULL,
    PRIMARY KEY (member_id, quota_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per lead claimed at a version for an assignment: the primary key lets one node in, so a lead is never
-- assigned twice.
CREATE TABLE ${prefix}assignment_claim (
    lead_id      CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    lead_version BIGINT NOT NULL,
    PRIMARY KEY (lead_id, lead_version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
