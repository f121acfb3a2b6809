-- crmkit schema, PostgreSQL 13+: the events the host reports about its contacts (crm-campaigns' CampaignEvents,
-- JdbcCampaignEvents): a lead captured, a stage entered, an order placed, a cart abandoned, a payment due or
-- received, for event-triggered campaigns and sequences. One row per idempotency key the host gave (a repeated
-- report inserts nothing); occurred_at in epoch microseconds. Holds personal data (a contact's id and an order
-- or invoice reference). ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}campaign_event (
    event_key   varchar(200) NOT NULL PRIMARY KEY,
    contact_id  varchar(200) NOT NULL,
    event_type  varchar(100) NOT NULL,
    occurred_at bigint NOT NULL,
    reference   varchar(200) NOT NULL
);

CREATE INDEX ${prefix}campaign_event_at ON ${prefix}campaign_event (occurred_at);
CREATE INDEX ${prefix}campaign_event_contact ON ${prefix}campaign_event (contact_id, occurred_at);
