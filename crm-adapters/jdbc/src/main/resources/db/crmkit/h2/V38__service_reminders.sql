-- crmkit schema, H2 2.x: the marks of reminded plan occurrences. The primary key (plan, occurrence due date) is the
-- claim: the reminder job inserts with MERGE ... WHEN NOT MATCHED, so each occurrence is reminded once, also when
-- several nodes run the job for the same day. ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}service_reminder (
    plan_id        UUID                        NOT NULL,
    occurrence_due DATE                        NOT NULL,
    occurrence     INTEGER                     NOT NULL,
    customer_id    UUID                        NOT NULL,
    recipient_id   UUID                        NOT NULL,
    reminded_on    DATE                        NOT NULL,
    recorded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_id, occurrence_due)
);
