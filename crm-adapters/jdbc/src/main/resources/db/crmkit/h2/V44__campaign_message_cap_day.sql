-- crmkit schema, H2 2.x: the day a marketing message was admitted under the frequency caps (epoch day of the
-- contact's calendar), so the caps are counted from the shared ledger by every node; an index by contact; and one
-- lock row per contact: a node holds it (SELECT ... FOR UPDATE) while it counts the contact's cap days and records
-- one, so nodes admit one at a time per contact (locking the message rows alone would miss a message another node
-- inserted meanwhile). ${prefix} is the configured table prefix (default crm_).

ALTER TABLE ${prefix}campaign_message ADD COLUMN cap_day INTEGER;

-- Marketing messages sent before this version count on the UTC day they were marked done.
UPDATE ${prefix}campaign_message SET cap_day = FLOOR(done_at / 86400000)
    WHERE done_at IS NOT NULL AND kind = 'MARKETING' AND outcome LIKE 'sent%';

CREATE INDEX ${prefix}campaign_message_contact ON ${prefix}campaign_message (contact_id);

CREATE TABLE ${prefix}campaign_cap_lock (
    contact_id VARCHAR(200) NOT NULL PRIMARY KEY
);
