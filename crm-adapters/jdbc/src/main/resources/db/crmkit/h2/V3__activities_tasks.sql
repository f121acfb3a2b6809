-- crmkit schema, H2 2.x: the timeline (activities) and tasks.
-- ${prefix} is the configured table prefix (default crm_).

-- One row per activity; activities are never changed once stored.
CREATE TABLE ${prefix}activity (
    id            UUID                        NOT NULL PRIMARY KEY,
    activity_type CHARACTER VARYING(32)       NOT NULL,
    subject       CHARACTER VARYING(500)      NOT NULL,
    body          CHARACTER VARYING           NOT NULL,
    direction     CHARACTER VARYING(16)       NOT NULL,
    occurred_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    participants  JSON                        NOT NULL,
    about         JSON                        NOT NULL,
    owner_id      CHARACTER VARYING(200),
    visibility    CHARACTER VARYING(16)       NOT NULL,
    recorded_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- One row per record an activity belongs to: the timeline of a record is read newest first from this key, backwards,
-- however long it is (H2 reads it in order only when ORDER BY names every key column, the fixed ones too). Type,
-- visibility and owner are copied here so the timeline filter is applied while the key is scanned.
CREATE TABLE ${prefix}activity_about (
    record_type   CHARACTER VARYING(16)       NOT NULL,
    record_id     UUID                        NOT NULL,
    occurred_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    activity_id   UUID                        NOT NULL,
    activity_type CHARACTER VARYING(32)       NOT NULL,
    visibility    CHARACTER VARYING(16)       NOT NULL,
    owner_id      CHARACTER VARYING(200),
    CONSTRAINT ${prefix}activity_about_pk PRIMARY KEY (record_type, record_id, occurred_at, activity_id)
);

CREATE TABLE ${prefix}task (
    id            UUID                        NOT NULL PRIMARY KEY,
    version       BIGINT                      NOT NULL,
    title         CHARACTER VARYING(500)      NOT NULL,
    due           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    remind_at     TIMESTAMP(6) WITH TIME ZONE,
    assignee      CHARACTER VARYING(200)      NOT NULL,
    related_type  CHARACTER VARYING(16),
    related_id    UUID,
    status        CHARACTER VARYING(16)       NOT NULL,
    is_open       BOOLEAN                     NOT NULL,
    open_reminder BOOLEAN                     NOT NULL,
    closed_at     TIMESTAMP(6) WITH TIME ZONE,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
-- The open-task questions, each read in order from an index: by assignee by due time, by record by due time, and
-- the reminders by reminder time. Closed tasks stay in the table with is_open false; open_reminder is true for the
-- open tasks with a reminder, so the reminder index holds no NULL times where the scan starts.
CREATE INDEX ${prefix}task_open_assignee ON ${prefix}task (assignee, is_open, due, id);
CREATE INDEX ${prefix}task_open_about ON ${prefix}task (related_type, related_id, is_open, due, id);
CREATE INDEX ${prefix}task_open_reminder ON ${prefix}task (open_reminder, remind_at, id);
