-- crmkit schema, MariaDB 10.6+: the marks of reminded plan occurrences. The primary key (plan, occurrence due date)
-- is the claim: the reminder job inserts with INSERT IGNORE, so each occurrence is reminded once, also when several
-- nodes run the job for the same day. ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}service_reminder (
    plan_id        CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    occurrence_due DATE        NOT NULL,
    occurrence     INT         NOT NULL,
    customer_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    recipient_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reminded_on    DATE        NOT NULL,
    recorded_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (plan_id, occurrence_due)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
