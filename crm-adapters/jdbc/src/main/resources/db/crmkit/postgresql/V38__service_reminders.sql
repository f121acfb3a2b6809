-- crmkit schema, PostgreSQL 13+: the marks of reminded plan occurrences. The primary key (plan, occurrence due date)
-- is the claim: the reminder job inserts with ON CONFLICT DO NOTHING, so each occurrence is reminded once, also when
-- several nodes run the job for the same day. ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}service_reminder (
    plan_id        uuid        NOT NULL,
    occurrence_due date        NOT NULL,
    occurrence     integer     NOT NULL,
    customer_id    uuid        NOT NULL,
    recipient_id   uuid        NOT NULL,
    reminded_on    date        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (plan_id, occurrence_due)
);
