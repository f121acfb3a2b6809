-- crmkit schema, MariaDB 10.6+: the participants of private timeline items, so that a scoped timeline read
-- (ScopedCrm.timeline) shows a private item to the users who took part in it inside the query (PrivateItems).
-- ${prefix} is the configured table prefix (default crm_).
--
-- One row per private activity and match key: match_kind 'I' holds the participant's text trimmed (matched against a
-- user's id), 'E' the same in lower case (matched against a user's e-mail address). The timeline query looks the
-- activity's keys up by this primary key. Public activities have no rows (whoever may view their record sees them);
-- keys longer than 320 characters are not stored, as no user id or e-mail address is that long.
-- participants_keyed is false for the private activities written before this script, which CrmSchema.migrate keys
-- right after it (kept the same way in every dialect).

CREATE TABLE ${prefix}activity_participant (
    activity_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    match_kind  CHAR(1)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    participant VARCHAR(320) NOT NULL,
    PRIMARY KEY (activity_id, match_kind, participant)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE ${prefix}activity ADD COLUMN participants_keyed BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE ${prefix}activity SET participants_keyed = TRUE WHERE visibility = 'PUBLIC';
CREATE INDEX ${prefix}activity_unkeyed ON ${prefix}activity (participants_keyed);
