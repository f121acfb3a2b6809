-- crmkit schema, MariaDB 10.6+: the completion day of a visit as its own column, so revenue is read by the day the
-- service was done (a report typed in weeks after the visit still counts in its period), from an index.
-- ${prefix} is the configured table prefix (default crm_).

ALTER TABLE ${prefix}service_visit ADD COLUMN completed_on DATE;

-- Visits completed before this version carry the day only inside their report.
UPDATE ${prefix}service_visit SET completed_on = CAST(JSON_VALUE(report, '$.completedOn') AS DATE) WHERE report IS NOT NULL;

CREATE INDEX ${prefix}service_visit_completed ON ${prefix}service_visit (completed_on, seq);
