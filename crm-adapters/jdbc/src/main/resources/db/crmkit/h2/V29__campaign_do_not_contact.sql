-- crmkit schema: do-not-contact entries per contact and channel (crm-campaigns' DoNotContactList,
-- JdbcDoNotContactList). ${prefix} is the configured table prefix (default crm_). One row per contact, channel,
-- reason and time (epoch milliseconds), with where it came from.

CREATE TABLE ${prefix}campaign_do_not_contact (
    contact_id CHARACTER VARYING(200) NOT NULL,
    channel    CHARACTER VARYING(20)  NOT NULL,
    reason     CHARACTER VARYING(20)  NOT NULL,
    at_millis  BIGINT     NOT NULL,
    source     CHARACTER VARYING(500) NOT NULL,
    PRIMARY KEY (contact_id, channel, reason, at_millis)
);
