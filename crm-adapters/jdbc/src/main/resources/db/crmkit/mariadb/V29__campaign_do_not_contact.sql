-- crmkit schema: do-not-contact entries per contact and channel (crm-campaigns' DoNotContactList,
-- JdbcDoNotContactList). ${prefix} is the configured table prefix (default crm_). One row per contact, channel,
-- reason and time (epoch milliseconds), with where it came from.

CREATE TABLE ${prefix}campaign_do_not_contact (
    contact_id VARCHAR(200) NOT NULL,
    channel    VARCHAR(20)  NOT NULL,
    reason     VARCHAR(20)  NOT NULL,
    at_millis  BIGINT     NOT NULL,
    source     VARCHAR(500) NOT NULL,
    PRIMARY KEY (contact_id, channel, reason, at_millis)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
