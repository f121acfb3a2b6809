-- crmkit schema, MariaDB 10.6+: the relay lock row becomes a lease.
-- ${prefix} is the configured table prefix (default crm_). A relay claims the lease in a transaction of its own
-- (holder, the database's UTC time, the lease's length) before it hands a batch over, and clears it with the batch's
-- marks; another relay takes over only a lease that is free, its own, or older than its length, so a relay whose
-- connection died has stopped handing events over by the time another one starts (see OutboxRelay).

ALTER TABLE ${prefix}outbox_relay_lock
    ADD COLUMN holder VARCHAR(64) NULL,
    ADD COLUMN leased_at DATETIME(6) NULL,
    ADD COLUMN lease_millis BIGINT NOT NULL DEFAULT 0;
