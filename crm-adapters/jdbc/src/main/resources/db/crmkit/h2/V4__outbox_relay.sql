-- crmkit schema, H2 2.x: the lock row of the outbox relay.
-- ${prefix} is the configured table prefix (default crm_). OutboxRelay locks this row (SELECT ... FOR UPDATE SKIP
-- LOCKED) for the transaction of each batch it delivers, so one relay at a time delivers, whatever the node.

CREATE TABLE ${prefix}outbox_relay_lock (
    name CHARACTER VARYING(40) NOT NULL PRIMARY KEY
);
INSERT INTO ${prefix}outbox_relay_lock (name) VALUES ('outbox_relay');
