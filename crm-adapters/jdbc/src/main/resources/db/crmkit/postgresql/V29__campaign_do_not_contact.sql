-- crmkit schema: do-not-contact entries per contact and channel (crm-campaigns' DoNotContactList,
-- JdbcDoNotContactList). ${prefix} is the configured table prefix (default crm_). One row per contact, channel,
-- reason and time (epoch milliseconds), with where it came from.

CREATE TABLE ${prefix}campaign_do_not_contact (
    contact_id varchar(200) NOT NULL,
    channel    varchar(20)  NOT NULL,
    reason     varchar(20)  NOT NULL,
    at_millis  bigint     NOT NULL,
    source     varchar(500) NOT NULL,
    PRIMARY KEY (contact_id, channel, reason, at_millis)
);
