-- crmkit schema, H2 2.x: indexes for the retention job's scans (RetentionJob, JdbcRetention).
-- ${prefix} is the configured table prefix (default crm_). The never-converted rule reads the people whose contact was
-- last changed before the cutoff (contact.updated_at) and asks, per person, for their leads
-- (V69's lead_contact_open serves those) and deals by contact id;
-- the timeline rule reads the entries that happened before the cutoff (activity.occurred_at). Without these the
-- database reads every contact, every activity, and the whole lead and deal tables for each candidate.

CREATE INDEX ${prefix}contact_updated ON ${prefix}contact (updated_at);
CREATE INDEX ${prefix}activity_occurred ON ${prefix}activity (occurred_at);
CREATE INDEX ${prefix}deal_contact ON ${prefix}deal (contact_id);
