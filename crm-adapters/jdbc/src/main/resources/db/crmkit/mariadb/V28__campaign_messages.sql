-- crmkit schema: the ledger of due campaign messages (crm-campaigns' CampaignMessages, JdbcCampaignMessages).
-- ${prefix} is the configured table prefix (default crm_). One row per message key; a node claims a row by a
-- conditional update that sets claimed_by and lease_until (epoch milliseconds) only while no live lease holds it, so
-- one node at a time holds a message; done_at (epoch milliseconds) and outcome are set once by the holder. Days are
-- epoch days (send_on, valid_until), so every dialect compares them alike.

CREATE TABLE ${prefix}campaign_message (
    msg_key     VARCHAR(400) NOT NULL PRIMARY KEY,
    contact_id  VARCHAR(200) NOT NULL,
    campaign    VARCHAR(100) NOT NULL,
    step        INTEGER NOT NULL,
    occurrence  VARCHAR(100) NOT NULL,
    send_on     INTEGER NOT NULL,
    valid_until INTEGER NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    claimed_by  VARCHAR(100),
    lease_until BIGINT,
    claims      INTEGER NOT NULL,
    done_at     BIGINT,
    outcome     VARCHAR(1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ${prefix}campaign_message_due ON ${prefix}campaign_message (send_on, valid_until);
