-- crmkit schema, MariaDB 10.6+: contacts, custom field schemas and the transactional outbox.
-- ${prefix} is the configured table prefix (default crm_). Ids are lower-case UUID text in ascii_bin, which orders
-- them as unsigned numbers like the other dialects; text is utf8mb4 with binary collation, so keys compare exactly.

CREATE TABLE ${prefix}contact (
    id             CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version        BIGINT       NOT NULL,
    first_name     TEXT         NOT NULL,
    last_name      TEXT         NOT NULL,
    emails         JSON         NOT NULL,
    phones         JSON         NOT NULL,
    addresses      JSON         NOT NULL,
    language       VARCHAR(100),
    birthday       DATE,
    consent_status VARCHAR(16)  NOT NULL,
    consent_since  DATETIME(6),
    consent_source TEXT         NOT NULL,
    affiliations   JSON         NOT NULL,
    custom_fields  JSON         NOT NULL,
    owner_id       VARCHAR(200),
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    INDEX ${prefix}contact_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}contact_point (
    point      VARCHAR(400) NOT NULL PRIMARY KEY,
    contact_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    INDEX ${prefix}contact_point_contact (contact_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}contact_company (
    company_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    contact_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (company_id, contact_id),
    INDEX ${prefix}contact_company_order (company_id, created_at, contact_id),
    INDEX ${prefix}contact_company_contact (contact_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}custom_field_schema (
    record_type VARCHAR(32) NOT NULL PRIMARY KEY,
    fields      JSON        NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}outbox (
    seq          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    aggregate_id VARCHAR(200) NOT NULL,
    event_type   VARCHAR(300) NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    payload      JSON         NOT NULL,
    delivered_at DATETIME(6),
    INDEX ${prefix}outbox_pending (delivered_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
