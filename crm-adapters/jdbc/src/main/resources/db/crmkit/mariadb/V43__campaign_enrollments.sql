-- crmkit schema, MariaDB 10.6+: the enrollments of crm-campaigns' sequences (Enrollments, JdbcEnrollments), so
-- sequences run across nodes. One row per contact, sequence and start (epoch microseconds); next_at (epoch
-- microseconds) is when the next step is due. An advance is a conditional update over the state it started from. A
-- node enrolls a contact while it holds the contact's lock row for the sequence (SELECT ... FOR UPDATE), so the
-- re-entry rule is checked and the row inserted as one step across nodes. ${prefix} is the configured table prefix
-- (default crm_).

CREATE TABLE ${prefix}campaign_enrollment (
    contact_id    VARCHAR(200) NOT NULL,
    sequence_name VARCHAR(100) NOT NULL,
    enrolled_at   BIGINT NOT NULL,
    step          INTEGER NOT NULL,
    next_at       BIGINT NOT NULL,
    status        VARCHAR(20) NOT NULL,
    end_reason    VARCHAR(1000) NOT NULL,
    PRIMARY KEY (contact_id, sequence_name, enrolled_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ${prefix}campaign_enrollment_due ON ${prefix}campaign_enrollment (sequence_name, status, next_at);

CREATE TABLE ${prefix}campaign_enrollment_lock (
    contact_id    VARCHAR(200) NOT NULL,
    sequence_name VARCHAR(100) NOT NULL,
    PRIMARY KEY (contact_id, sequence_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
