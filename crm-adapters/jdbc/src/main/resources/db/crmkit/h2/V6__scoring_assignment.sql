-- crmkit schema, H2 2.x: lead scores, hand-typed win probabilities, and what assignment policies remember.
-- ${prefix} is the configured table prefix (default crm_).

-- One row per lead that was scored. stage_order is the lifecycle stage's position (0 lead, 1 marketing-qualified,
-- 2 sales-qualified): the batch upsert keeps GREATEST(stored, new) of it, so a stage never moves back.
CREATE TABLE ${prefix}lead_score (
    lead_id     UUID                        NOT NULL PRIMARY KEY,
    score       INTEGER                     NOT NULL,
    temperature CHARACTER VARYING(16)       NOT NULL,
    stage       CHARACTER VARYING(32)       NOT NULL,
    stage_order INTEGER                     NOT NULL,
    scored_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- At most one hand-typed win probability per lead; it overrides the model until the row is deleted.
CREATE TABLE ${prefix}probability_override (
    lead_id     UUID                        NOT NULL PRIMARY KEY,
    probability NUMERIC(5, 4)               NOT NULL,
    set_by      CHARACTER VARYING(200)      NOT NULL,
    set_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- The next ticket of each rotation (round robin per team): taken with UPDATE ... SET next_ticket = next_ticket + 1,
-- whose row lock makes the tickets distinct and dense across nodes.
CREATE TABLE ${prefix}assignment_rotation (
    name        CHARACTER VARYING(400) NOT NULL PRIMARY KEY,
    next_ticket BIGINT                 NOT NULL
);

-- The units of each member's daily quota in use: taken with UPDATE ... WHERE used_units < quota, so the use never
-- exceeds the quota, whatever the concurrency.
CREATE TABLE ${prefix}assignment_quota (
    member_id  CHARACTER VARYING(200) NOT NULL,
    quota_day  DATE                   NOT NULL,
    used_units INTEGER                NOT NULL,
    CONSTRAINT ${prefix}assignment_quota_pk PRIMARY KEY (member_id, quota_day)
);

-- One row per lead claimed at a version for an assignment: the primary key lets one node in, so a lead is never
-- assigned twice.
CREATE TABLE ${prefix}assignment_claim (
    lead_id      UUID   NOT NULL,
    lead_version BIGINT NOT NULL,
    CONSTRAINT ${prefix}assignment_claim_pk PRIMARY KEY (lead_id, lead_version)
);
