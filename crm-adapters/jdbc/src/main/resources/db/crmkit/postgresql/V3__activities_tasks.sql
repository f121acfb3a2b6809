-- crmkit schema, PostgreSQL 13+: the timeline (activities) and tasks.
-- ${prefix} is the configured table prefix (default crm_).

-- One row per activity; activities are never changed once stored.
CREATE TABLE ${prefix}activity (
    id            uuid         NOT NULL PRIMARY KEY,
    activity_type varchar(32)  NOT NULL,
    subject       varchar(500) NOT NULL,
    body          text         NOT NULL,
    direction     varchar(16)  NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    participants  jsonb        NOT NULL,
    about         jsonb        NOT NULL,
    owner_id      varchar(200),
    visibility    varchar(16)  NOT NULL,
    recorded_at   timestamptz  NOT NULL
);

-- One row per record an activity belongs to: the timeline of a record is read newest first from this key, backwards,
-- however long it is. Type, visibility and owner are copied here and included in the key's index, so the timeline
-- filter is applied to the index entries while the key is scanned.
CREATE TABLE ${prefix}activity_about (
    record_type   varchar(16)  NOT NULL,
    record_id     uuid         NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    activity_id   uuid         NOT NULL,
    activity_type varchar(32)  NOT NULL,
    visibility    varchar(16)  NOT NULL,
    owner_id      varchar(200),
    CONSTRAINT ${prefix}activity_about_pk PRIMARY KEY (record_type, record_id, occurred_at, activity_id)
        INCLUDE (activity_type, visibility, owner_id)
);

CREATE TABLE ${prefix}task (
    id            uuid         NOT NULL PRIMARY KEY,
    version       bigint       NOT NULL,
    title         varchar(500) NOT NULL,
    due           timestamptz  NOT NULL,
    remind_at     timestamptz,
    assignee      varchar(200) NOT NULL,
    related_type  varchar(16),
    related_id    uuid,
    status        varchar(16)  NOT NULL,
    is_open       boolean      NOT NULL,
    open_reminder boolean      NOT NULL,
    closed_at     timestamptz,
    created_at    timestamptz  NOT NULL
);
-- The open-task questions, each read in order from an index: by assignee by due time, by record by due time, and
-- the reminders by reminder time. Closed tasks stay in the table with is_open false; open_reminder is true for the
-- open tasks with a reminder, so the reminder index holds no NULL times where the scan starts.
CREATE INDEX ${prefix}task_open_assignee ON ${prefix}task (assignee, is_open, due, id);
CREATE INDEX ${prefix}task_open_about ON ${prefix}task (related_type, related_id, is_open, due, id);
CREATE INDEX ${prefix}task_open_reminder ON ${prefix}task (open_reminder, remind_at, id);
