-- crmkit schema, MariaDB 10.6+: insertion order, and the default pipeline.
-- ${prefix} is the configured table prefix (default crm_).
--
-- Every table that is listed by a time gets seq, the row's insertion number, and its list indexes end in seq instead
-- of id: rows with equal times list in the order they were inserted, whatever their ids (a host's own ids, random
-- ones, or time-ordered ones from several nodes). contact_company copies the contact's seq, as its rows are rewritten
-- on every update of the contact; activity_about numbers its own rows, which are never rewritten. Rows stored before
-- this migration are numbered in no particular order among themselves.


ALTER TABLE ${prefix}contact ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY ${prefix}contact_seq (seq);
ALTER TABLE ${prefix}company ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY ${prefix}company_seq (seq);
ALTER TABLE ${prefix}lead ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY ${prefix}lead_seq (seq);
ALTER TABLE ${prefix}task ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY ${prefix}task_seq (seq);
ALTER TABLE ${prefix}pipeline ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY ${prefix}pipeline_seq (seq);
ALTER TABLE ${prefix}deal ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY ${prefix}deal_seq (seq);

ALTER TABLE ${prefix}contact_company ADD COLUMN contact_seq BIGINT;
UPDATE ${prefix}contact_company SET contact_seq = (SELECT c.seq FROM ${prefix}contact c WHERE c.id = ${prefix}contact_company.contact_id);
ALTER TABLE ${prefix}contact_company MODIFY contact_seq BIGINT NOT NULL;

ALTER TABLE ${prefix}contact DROP INDEX ${prefix}contact_created, ADD INDEX ${prefix}contact_created (created_at, seq);
ALTER TABLE ${prefix}contact_company DROP INDEX ${prefix}contact_company_order, ADD INDEX ${prefix}contact_company_order (company_id, created_at, contact_seq);
ALTER TABLE ${prefix}company DROP INDEX ${prefix}company_created, ADD INDEX ${prefix}company_created (created_at, seq);
ALTER TABLE ${prefix}company DROP INDEX ${prefix}company_name, ADD INDEX ${prefix}company_name (name_hash, created_at, seq);
ALTER TABLE ${prefix}lead DROP INDEX ${prefix}lead_created, ADD INDEX ${prefix}lead_created (created_at, seq);
ALTER TABLE ${prefix}lead DROP INDEX ${prefix}lead_status, ADD INDEX ${prefix}lead_status (status, created_at, seq);
ALTER TABLE ${prefix}lead DROP INDEX ${prefix}lead_owner, ADD INDEX ${prefix}lead_owner (owner_id, created_at, seq);
ALTER TABLE ${prefix}lead DROP INDEX ${prefix}lead_open_email, ADD INDEX ${prefix}lead_open_email (email, is_open, created_at, seq);
ALTER TABLE ${prefix}lead DROP INDEX ${prefix}lead_open_phone, ADD INDEX ${prefix}lead_open_phone (phone, is_open, created_at, seq);
ALTER TABLE ${prefix}task DROP INDEX ${prefix}task_open_assignee, ADD INDEX ${prefix}task_open_assignee (assignee, is_open, due, seq);
ALTER TABLE ${prefix}task DROP INDEX ${prefix}task_open_about, ADD INDEX ${prefix}task_open_about (related_type, related_id, is_open, due, seq);
ALTER TABLE ${prefix}task DROP INDEX ${prefix}task_open_reminder, ADD INDEX ${prefix}task_open_reminder (open_reminder, remind_at, seq);
ALTER TABLE ${prefix}pipeline DROP INDEX ${prefix}pipeline_created, ADD INDEX ${prefix}pipeline_created (created_at, seq);
ALTER TABLE ${prefix}deal DROP INDEX ${prefix}deal_pipeline, ADD INDEX ${prefix}deal_pipeline (pipeline_id, created_at, seq);
ALTER TABLE ${prefix}deal DROP INDEX ${prefix}deal_stage, ADD INDEX ${prefix}deal_stage (pipeline_id, stage, created_at, seq);
ALTER TABLE ${prefix}deal DROP INDEX ${prefix}deal_owner, ADD INDEX ${prefix}deal_owner (pipeline_id, owner_id, created_at, seq);
ALTER TABLE ${prefix}deal DROP INDEX ${prefix}deal_source, ADD INDEX ${prefix}deal_source (pipeline_id, source, created_at, seq);
ALTER TABLE ${prefix}deal DROP INDEX ${prefix}deal_close, ADD INDEX ${prefix}deal_close (pipeline_id, expected_close_date, created_at, seq);

-- The timeline key ends in the about row's insertion number; activity_id rides along for the join.
ALTER TABLE ${prefix}activity_about ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY ${prefix}activity_about_seq (seq),
    DROP PRIMARY KEY, ADD PRIMARY KEY (record_type, record_id, occurred_at, seq);

-- The pipeline a host chose as its default: at most one row, name 'default' (without it the first pipeline defined
-- is the default). Choosing inserts the row, ignoring a taken key, then updates it, so nodes never race on it.
CREATE TABLE ${prefix}pipeline_default (
    name        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    pipeline_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
