-- crmkit schema, H2 2.x: the suppression list of erased people (SuppressionList).
-- ${prefix} is the configured table prefix (default crm_). A row is the HMAC-SHA256 (hex) of an erased person's
-- normalized e-mail or E.164 phone under the host's secret salt: never the value. Lead capture looks a submission's
-- e-mail and phone up here before it creates a new contact, so an erased person is flagged, not re-created.

CREATE TABLE ${prefix}suppression (
    hash          CHARACTER VARYING(64) NOT NULL PRIMARY KEY,
    suppressed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
