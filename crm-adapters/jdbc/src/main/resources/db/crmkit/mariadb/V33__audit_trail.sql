-- crmkit schema, MariaDB 10.6+: the audit trail (AuditTrail).
-- ${prefix} is the configured table prefix (default crm_). Append-only: rows are inserted in the transaction of the
-- change they record and deleted only by retention (occurred_at before a cutoff). seq orders entries with equal
-- times in the order they were appended; the lists per record and per actor read audit_entry_record and
-- audit_entry_actor in order. The field changes of an entry are rows of audit_change, in their order (pos).

CREATE TABLE ${prefix}audit_entry (
    id           CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    seq          BIGINT NOT NULL AUTO_INCREMENT UNIQUE,
    actor        VARCHAR(210) NOT NULL,
    origin       VARCHAR(10)  NOT NULL,
    occurred_at  DATETIME(6) NOT NULL,
    audit_action VARCHAR(30)  NOT NULL,
    record_type  VARCHAR(20),
    record_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    note         VARCHAR(2000) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ${prefix}audit_entry_record ON ${prefix}audit_entry (record_type, record_id, occurred_at, seq);
CREATE INDEX ${prefix}audit_entry_actor ON ${prefix}audit_entry (actor, occurred_at, seq);
CREATE INDEX ${prefix}audit_entry_time ON ${prefix}audit_entry (occurred_at);

CREATE TABLE ${prefix}audit_change (
    entry_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    pos          INTEGER NOT NULL,
    field        VARCHAR(300) NOT NULL,
    before_value LONGTEXT,
    after_value  LONGTEXT,
    PRIMARY KEY (entry_id, pos)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
