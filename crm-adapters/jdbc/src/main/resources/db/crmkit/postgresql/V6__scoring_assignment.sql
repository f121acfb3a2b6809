-- crmkit schema, PostgreSQL 13+: lead scores, hand-typed win probabilities, and what assignment policies remember.
-- ${prefix} is the configured table prefix (default crm_).

-- One row per lead that was scored. stage_order is the lifecycle stage's position (0 lead, 1 marketing-qualified,
-- 2 sales-qualified): the batch upsert keeps GREATEST(stored, new) of it, so a stage never moves back.
CREATE TABLE ${prefix}lead_score (
    lead_id     uuid         NOT NULL PRIMARY KEY,
    score       integer      NOT NULL,
    temperature varchar(16)  NOT NULL,
    stage       varchar(32)  NOT NULL,
    stage_order integer      NOT NULL,
    scored_at   timestamptz  NOT NULL
);

-- At most one hand-typed win probability per lead; it overrides the model until the row is deleted.
CREATE TABLE ${prefix}probability_override (
    lead_id     uuid          NOT NULL PRIMARY KEY,
    probability numeric(5, 4) NOT NULL,
    set_by      varchar(200)  NOT NULL,
    set_at      timestamptz   NOT NULL
);

-- The next ticket of each rotation (round robin per team): taken with UPDATE ... SET next_ticket = next_ticket + 1,
-- whose row lock makes the tickets distinct and dense across nodes.
CREATE TABLE ${prefix}assignment_rotation (
    name        varchar(400) NOT NULL PRIMARY KEY,
    next_ticket bigint       NOT NULL
);

-- The units of each member's daily quota in use: taken with UPDATE ... WHERE used_units < quota, so the use never
-- exceeds the quota, whatever the concurrency.
CREATE TABLE ${prefix}assignment_quota (
    member_id  varchar(200) NOT NULL,
    quota_day  date         NOT NULL,
    used_units integer      NOT NULL,
    PRIMARY KEY (member_id, quota_day)
);

-- One row per lead claimed at a version for an assignment: the primary key lets one node in, so a lead is never
-- assigned twice.
CREATE TABLE ${prefix}assignment_claim (
    lead_id      uuid   NOT NULL,
    lead_version bigint NOT NULL,
    PRIMARY KEY (lead_id, lead_version)
);
