-- crmkit schema, MariaDB 10.6+: how a call or meeting on the timeline ended and how long it lasted (both optional).
-- ${prefix} is the configured table prefix (default crm_). outcome is an ActivityOutcome name (ANSWERED, MISSED,
-- HELD, CANCELLED) in ascii_bin like the other enum names; duration_seconds is whole seconds from 0 to 86,400.
-- Existing rows keep neither.

ALTER TABLE ${prefix}activity
    ADD COLUMN outcome          VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN duration_seconds INT NULL;
