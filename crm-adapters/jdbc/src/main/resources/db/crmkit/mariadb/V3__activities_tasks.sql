-- crmkit schema, MariaDB 10.6+: the timeline (activities) and tasks.
-- ${prefix} is the configured table prefix (default crm_). Ids are lower-case UUID text in ascii_bin, which orders
-- them as unsigned numbers like the other dialects; text is utf8mb4 with binary collation, so keys compare exactly.
-- Enum names (types, visibility, status) are ascii_bin too: a key column compared with a parameter then reads in
-- index order whatever the connection's collation (with a utf8mb4 column and a utf8mb4_general_ci connection,
-- MariaDB sorts an ORDER BY that names the column).

-- One row per activity; activities are never changed once stored.
CREATE TABLE ${prefix}activity (
    id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    activity_type VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    subject       VARCHAR(500) NOT NULL,
    body          LONGTEXT     NOT NULL,
    direction     VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    participants  JSON         NOT NULL,
    about         JSON         NOT NULL,
    owner_id      VARCHAR(200),
    visibility    VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    recorded_at   DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per record an activity belongs to: the timeline of a record is read newest first from this key, backwards,
-- however long it is. Type, visibility and owner are copied here (InnoDB keeps them in the clustered key's leaves),
-- so the timeline filter is applied while the key is scanned.
CREATE TABLE ${prefix}activity_about (
    record_type   VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    record_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    activity_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    activity_type VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    visibility    VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    owner_id      VARCHAR(200),
    PRIMARY KEY (record_type, record_id, occurred_at, activity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The open-task questions, each read in order from an index: by assignee by due time, by record by due time, and
-- the reminders by reminder time. Closed tasks stay in the table with is_open false; open_reminder is true for the
-- open tasks with a reminder, so the reminder index holds no NULL times where the scan starts.
CREATE TABLE ${prefix}task (
    id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version       BIGINT       NOT NULL,
    title         VARCHAR(500) NOT NULL,
    due           DATETIME(6)  NOT NULL,
    remind_at     DATETIME(6),
    assignee      VARCHAR(200) NOT NULL,
    related_type  VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin,
    related_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    status        VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    is_open       BOOLEAN      NOT NULL,
    open_reminder BOOLEAN      NOT NULL,
    closed_at     DATETIME(6),
    created_at    DATETIME(6)  NOT NULL,
    INDEX ${prefix}task_open_assignee (assignee, is_open, due, id),
    INDEX ${prefix}task_open_about (related_type, related_id, is_open, due, id),
    INDEX ${prefix}task_open_reminder (open_reminder, remind_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
