-- crmkit schema, MariaDB 10.6+: the lock row of the outbox relay.
-- ${prefix} is the configured table prefix (default crm_). OutboxRelay locks this row (SELECT ... FOR UPDATE SKIP
-- LOCKED, MariaDB 10.6+) for the transaction of each batch it delivers, so one relay at a time delivers, whatever
-- the node.

CREATE TABLE ${prefix}outbox_relay_lock (
    name VARCHAR(40) NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO ${prefix}outbox_relay_lock (name) VALUES ('outbox_relay');
