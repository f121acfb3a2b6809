-- crmkit schema, H2 2.x: retention claims (RetentionStore).
-- ${prefix} is the configured table prefix (default crm_). A row claims one person for anonymization by the
-- retention job (RetentionJob, rule neverConvertedLeads): inserted, insert-ignoring, in the unit of work that
-- anonymizes them, so two nodes running the job at once anonymize and count each person once, and a later run skips
-- them. It holds the contact id only, no personal value. The index serves the closed-tasks rule (tasks done or
-- cancelled before a cutoff).

CREATE TABLE ${prefix}retention_claim (
    contact_id UUID                        NOT NULL PRIMARY KEY,
    claimed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX ${prefix}task_closed ON ${prefix}task (is_open, closed_at);
