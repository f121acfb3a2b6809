-- crmkit schema, H2 2.x: the outcomes of keyed calls (IdempotencyKeys).
-- ${prefix} is the configured table prefix (default crm_). A keyed call inserts its row in the transaction of its
-- changes, so the row exists if and only if they committed; a retry with the same key finds it and returns the first
-- outcome instead of doing the work again.

CREATE TABLE ${prefix}idempotency_key (
    idem_key    CHARACTER VARYING(200)  NOT NULL PRIMARY KEY,
    command     CHARACTER VARYING(40)   NOT NULL,
    outcome     CHARACTER VARYING(2000) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
