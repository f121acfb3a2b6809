-- crmkit schema, PostgreSQL 13+: pipelines (every revision kept), deals and the stage history.
-- ${prefix} is the configured table prefix (default crm_).

-- The current revision of each pipeline. name_key is the name stripped and in lower case; it is unbounded text, so
-- the unique key that makes a name belong to one pipeline across nodes is on its SHA-256 (hex), name_hash.
CREATE TABLE ${prefix}pipeline (
    id         uuid        NOT NULL PRIMARY KEY,
    version    bigint      NOT NULL,
    name       text        NOT NULL,
    name_key   text        NOT NULL,
    name_hash  varchar(64) NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT ${prefix}pipeline_name UNIQUE (name_hash)
);
CREATE INDEX ${prefix}pipeline_created ON ${prefix}pipeline (created_at, id);

-- Every stored revision of a pipeline, the current one included; never changed once stored. The definition is
-- PipelineJson text in a json column, not jsonb: json keeps it as written, while jsonb would reorder the members of
-- objects such as a rule's documents, whose order the rule's refusal messages follow.
CREATE TABLE ${prefix}pipeline_revision (
    pipeline_id uuid        NOT NULL,
    version     bigint      NOT NULL,
    definition  json        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (pipeline_id, version)
);

-- One row per deal, every field a column: money as an amount at up to 4 decimals (the most any currency has) and
-- its currency code, absent values as NULL, custom fields, documents and approvals as JSON.
CREATE TABLE ${prefix}deal (
    id                   uuid          NOT NULL PRIMARY KEY,
    version              bigint        NOT NULL,
    pipeline_id          uuid          NOT NULL,
    title                text          NOT NULL,
    stage                varchar(400)  NOT NULL,
    stage_entered_at     timestamptz   NOT NULL,
    stage_probability    integer       NOT NULL,
    probability_override integer,
    amount               numeric(38,4),
    amount_currency      char(3),
    expected_close_date  date,
    margin               numeric(38,4),
    margin_currency      char(3),
    owner_id             varchar(200),
    contact_id           uuid,
    company_id           uuid,
    lead_id              uuid,
    source               varchar(400)  NOT NULL,
    custom_fields        jsonb         NOT NULL,
    documents            jsonb         NOT NULL,
    approvals            jsonb         NOT NULL,
    lost_reason          text,
    won_at               timestamptz,
    lost_at              timestamptz,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL
);
-- The lists of a pipeline's deals in creation order, each filter read in order from an index of its own: all of
-- them, by stage, by owner, by source. The close month is a range on expected_close_date (from its first day to the
-- next month's): the planner either reads that range of the month from deal_close and sorts it, or walks the
-- creation order of the pipeline (or of a stage, owner or source) and filters the rows.
CREATE INDEX ${prefix}deal_pipeline ON ${prefix}deal (pipeline_id, created_at, id);
CREATE INDEX ${prefix}deal_stage ON ${prefix}deal (pipeline_id, stage, created_at, id);
CREATE INDEX ${prefix}deal_owner ON ${prefix}deal (pipeline_id, owner_id, created_at, id);
CREATE INDEX ${prefix}deal_source ON ${prefix}deal (pipeline_id, source, created_at, id);
CREATE INDEX ${prefix}deal_close ON ${prefix}deal (pipeline_id, expected_close_date, created_at, id);

-- One row per move of a deal, never changed once stored; a deal's entries are read in the order of the deal versions
-- they produced, from the unique key, which also refuses a second entry for one deal version. The time spent in the
-- previous stage is kept exactly, as seconds and nanoseconds.
CREATE TABLE ${prefix}stage_history (
    id                  uuid         NOT NULL PRIMARY KEY,
    deal_id             uuid         NOT NULL,
    deal_version        bigint       NOT NULL,
    pipeline_id         uuid         NOT NULL,
    from_stage          text,
    to_stage            text         NOT NULL,
    moved_by            varchar(200) NOT NULL,
    moved_at            timestamptz  NOT NULL,
    seconds_in_previous bigint       NOT NULL,
    nanos_in_previous   integer      NOT NULL,
    CONSTRAINT ${prefix}stage_history_deal_version UNIQUE (deal_id, deal_version)
);
