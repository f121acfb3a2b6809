-- crmkit schema, MariaDB 10.6+: the consent history.
-- ${prefix} is the configured table prefix (default crm_). One row per grant or withdrawal of marketing consent on
-- a channel (Consents, ConsentHistory): appended in the unit of work of the change, never updated except by an
-- erasure, which blanks source and keeps channel, status, time and actor. seq orders entries with equal times in the
-- order they were appended; entries are read per contact.

CREATE TABLE ${prefix}consent_change (
    id          CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    seq         BIGINT NOT NULL AUTO_INCREMENT UNIQUE,
    contact_id  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    source      VARCHAR(200) NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(210) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ${prefix}consent_change_contact ON ${prefix}consent_change (contact_id, seq);
