-- crmkit schema, MariaDB 10.6+: crm-service's visits (the engineers' calendars) and one lock row per engineer.
-- ${prefix} is the configured table prefix (default crm_). Ids are lower-case UUID text in ascii_bin.

-- One row per visit; the completion report (work, parts, checklist, document references, sign-off) is JSON.
CREATE TABLE ${prefix}service_visit (
    id           CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    engineer     VARCHAR(200) NOT NULL,
    customer_id  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    equipment_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    plan_id      CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    request_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    starts_at    DATETIME(6)  NOT NULL,
    ends_at      DATETIME(6)  NOT NULL,
    status       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    report       JSON,
    created_at   DATETIME(6)  NOT NULL,
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    UNIQUE KEY ${prefix}service_visit_seq (seq),
    INDEX ${prefix}service_visit_engineer (engineer, starts_at, seq),
    INDEX ${prefix}service_visit_customer (customer_id, starts_at, seq),
    INDEX ${prefix}service_visit_start (starts_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The row a scheduling updates (and so locks until its transaction ends) before it checks the engineer's visits for
-- clashes and inserts one: schedulings for one engineer run one after another on every node, so no two clashing
-- visits are both stored.
CREATE TABLE ${prefix}service_calendar (
    engineer VARCHAR(200) NOT NULL PRIMARY KEY,
    version  BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
