-- crmkit schema, H2 2.x: the completion day of a visit as its own column, so revenue is read by the day the
-- service was done (a report typed in weeks after the visit still counts in its period), from an index.
-- ${prefix} is the configured table prefix (default crm_).

ALTER TABLE ${prefix}service_visit ADD COLUMN completed_on DATE;

-- Visits completed before this version carry the day only inside their report.
UPDATE ${prefix}service_visit SET completed_on = CAST(REGEXP_SUBSTR(CAST(report AS CHARACTER VARYING), '"completedOn" *: *"([0-9-]+)"', 1, 1, '', 1) AS DATE) WHERE report IS NOT NULL;

CREATE INDEX ${prefix}service_visit_completed ON ${prefix}service_visit (completed_on, seq);
