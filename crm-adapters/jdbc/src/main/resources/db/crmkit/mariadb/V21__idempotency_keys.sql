-- crmkit schema, MariaDB 10.6+: the outcomes of keyed calls (IdempotencyKeys).
-- ${prefix} is the configured table prefix (default crm_). A keyed call inserts its row in the transaction of its
-- changes, so the row exists if and only if they committed; a retry with the same key finds it and returns the first
-- outcome instead of doing the work again.

CREATE TABLE ${prefix}idempotency_key (
    idem_key    VARCHAR(200)  NOT NULL PRIMARY KEY,
    command     VARCHAR(40)   NOT NULL,
    outcome     VARCHAR(2000) NOT NULL,
    recorded_at DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
