-- crmkit schema, H2 2.x: how a call or meeting on the timeline ended and how long it lasted (both optional).
-- ${prefix} is the configured table prefix (default crm_). outcome is an ActivityOutcome name (ANSWERED, MISSED,
-- HELD, CANCELLED); duration_seconds is whole seconds from 0 to 86,400. Existing rows keep neither.

ALTER TABLE ${prefix}activity ADD COLUMN outcome CHARACTER VARYING(16);
ALTER TABLE ${prefix}activity ADD COLUMN duration_seconds INTEGER;
