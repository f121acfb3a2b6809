-- crmkit schema, H2 2.x: pipelines (every revision kept), deals and the stage history.
-- ${prefix} is the configured table prefix (default crm_).

-- The current revision of each pipeline. name_key is the name stripped and in lower case; it is unbounded text, so
-- the unique key that makes a name belong to one pipeline is on its SHA-256 (hex), name_hash.
CREATE TABLE ${prefix}pipeline (
    id         UUID                        NOT NULL PRIMARY KEY,
    version    BIGINT                      NOT NULL,
    name       CHARACTER VARYING           NOT NULL,
    name_key   CHARACTER VARYING           NOT NULL,
    name_hash  CHARACTER VARYING(64)       NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}pipeline_name UNIQUE (name_hash)
);
CREATE INDEX ${prefix}pipeline_created ON ${prefix}pipeline (created_at, id);

-- Every stored revision of a pipeline, the current one included; never changed once stored. The definition is
-- PipelineJson text.
CREATE TABLE ${prefix}pipeline_revision (
    pipeline_id UUID                        NOT NULL,
    version     BIGINT                      NOT NULL,
    definition  JSON                        NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (pipeline_id, version)
);

-- One row per deal, every field a column: money as an amount at up to 4 decimals (the most any currency has) and
-- its currency code, absent values as NULL, custom fields, documents and approvals as JSON.
CREATE TABLE ${prefix}deal (
    id                   UUID                        NOT NULL PRIMARY KEY,
    version              BIGINT                      NOT NULL,
    pipeline_id          UUID                        NOT NULL,
    title                CHARACTER VARYING           NOT NULL,
    stage                CHARACTER VARYING(400)      NOT NULL,
    stage_entered_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    stage_probability    INTEGER                     NOT NULL,
    probability_override INTEGER,
    amount               NUMERIC(38, 4),
    amount_currency      CHARACTER(3),
    expected_close_date  DATE,
    margin               NUMERIC(38, 4),
    margin_currency      CHARACTER(3),
    owner_id             CHARACTER VARYING(200),
    contact_id           UUID,
    company_id           UUID,
    lead_id              UUID,
    source               CHARACTER VARYING(400)      NOT NULL,
    custom_fields        JSON                        NOT NULL,
    documents            JSON                        NOT NULL,
    approvals            JSON                        NOT NULL,
    lost_reason          CHARACTER VARYING,
    won_at               TIMESTAMP(6) WITH TIME ZONE,
    lost_at              TIMESTAMP(6) WITH TIME ZONE,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL
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
    id                  UUID                        NOT NULL PRIMARY KEY,
    deal_id             UUID                        NOT NULL,
    deal_version        BIGINT                      NOT NULL,
    pipeline_id         UUID                        NOT NULL,
    from_stage          CHARACTER VARYING,
    to_stage            CHARACTER VARYING           NOT NULL,
    moved_by            CHARACTER VARYING(200)      NOT NULL,
    moved_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    seconds_in_previous BIGINT                      NOT NULL,
    nanos_in_previous   INTEGER                     NOT NULL,
    CONSTRAINT ${prefix}stage_history_deal_version UNIQUE (deal_id, deal_version)
);
