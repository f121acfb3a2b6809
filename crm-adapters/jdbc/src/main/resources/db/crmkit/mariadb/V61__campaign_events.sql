-- crmkit schema, MariaDB 10.6+: the events the host reports about its contacts (crm-campaigns' CampaignEvents,
-- JdbcCampaignEvents): a lead captured, a stage entered, an order placed, a cart abandoned, a payment due or
-- received, for event-triggered campaigns and sequences. One row per idempotency key the host gave (a repeated
-- report inserts nothing); occurred_at in epoch microseconds. Holds personal data (a contact's id and an order
-- or invoice reference). ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}campaign_event (
    event_key   VARCHAR(200) NOT NULL PRIMARY KEY,
    contact_id  VARCHAR(200) NOT NULL,
    event_type  VARCHAR(100) NOT NULL,
    occurred_at BIGINT NOT NULL,
    reference   VARCHAR(200) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ${prefix}campaign_event_at ON ${prefix}campaign_event (occurred_at);
CREATE INDEX ${prefix}campaign_event_contact ON ${prefix}campaign_event (contact_id, occurred_at);
