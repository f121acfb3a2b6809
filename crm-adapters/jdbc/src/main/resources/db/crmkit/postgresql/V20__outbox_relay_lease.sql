-- crmkit schema, PostgreSQL 13+: the relay lock row becomes a lease.
-- ${prefix} is the configured table prefix (default crm_). A relay claims the lease in a transaction of its own
-- (holder, the database's time, the lease's length) before it hands a batch over, and clears it with the batch's
-- marks; another relay takes over only a lease that is free, its own, or older than its length, so a relay whose
-- connection died has stopped handing events over by the time another one starts (see OutboxRelay).

ALTER TABLE ${prefix}outbox_relay_lock ADD COLUMN holder varchar(64);
ALTER TABLE ${prefix}outbox_relay_lock ADD COLUMN leased_at timestamptz;
ALTER TABLE ${prefix}outbox_relay_lock ADD COLUMN lease_millis bigint NOT NULL DEFAULT 0;
