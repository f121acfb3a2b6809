-- crmkit schema, PostgreSQL 13+: the enrollments of crm-campaigns' sequences (Enrollments, JdbcEnrollments), so
-- sequences run across nodes. One row per contact, sequence and start (epoch microseconds); next_at (epoch
-- microseconds) is when the next step is due. An advance is a conditional update over the state it started from. A
-- node enrolls a contact while it holds the contact's lock row for the sequence (SELECT ... FOR UPDATE), so the
-- re-entry rule is checked and the row inserted as one step across nodes. ${prefix} is the configured table prefix
-- (default crm_).

CREATE TABLE ${prefix}campaign_enrollment (
    contact_id    varchar(200) NOT NULL,
    sequence_name varchar(100) NOT NULL,
    enrolled_at   bigint NOT NULL,
    step          INTEGER NOT NULL,
    next_at       bigint NOT NULL,
    status        varchar(20) NOT NULL,
    end_reason    varchar(1000) NOT NULL,
    PRIMARY KEY (contact_id, sequence_name, enrolled_at)
);

CREATE INDEX ${prefix}campaign_enrollment_due ON ${prefix}campaign_enrollment (sequence_name, status, next_at);

CREATE TABLE ${prefix}campaign_enrollment_lock (
    contact_id    varchar(200) NOT NULL,
    sequence_name varchar(100) NOT NULL,
    PRIMARY KEY (contact_id, sequence_name)
);
