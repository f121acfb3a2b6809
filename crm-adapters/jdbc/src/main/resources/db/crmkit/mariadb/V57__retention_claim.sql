-- crmkit schema, MariaDB 10.6+: retention claims (RetentionStore).
-- ${prefix} is the configured table prefix (default crm_). A row claims one person for anonymization by the
-- retention job (RetentionJob, rule neverConvertedLeads): inserted, insert-ignoring, in the unit of work that
-- anonymizes them, so two nodes running the job at once anonymize and count each person once, and a later run skips
-- them. It holds the contact id only, no personal value. The index serves the closed-tasks rule (tasks done or
-- cancelled before a cutoff).

CREATE TABLE ${prefix}retention_claim (
    contact_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    claimed_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ${prefix}task_closed ON ${prefix}task (is_open, closed_at);
