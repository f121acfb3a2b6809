-- crmkit schema, MariaDB 10.6+: companies and leads.
-- ${prefix} is the configured table prefix (default crm_). Ids are lower-case UUID text in ascii_bin, which orders
-- them as unsigned numbers like the other dialects; text is utf8mb4 with binary collation, so keys compare exactly.

CREATE TABLE ${prefix}company (
    id                  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version             BIGINT       NOT NULL,
    name                TEXT         NOT NULL,
    name_key            TEXT         NOT NULL,
    name_hash           CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    legal_name          TEXT         NOT NULL,
    registration_number TEXT         NOT NULL,
    tax_number          TEXT         NOT NULL,
    legal_address       JSON,
    web_domain          VARCHAR(253),
    industry            TEXT         NOT NULL,
    size                VARCHAR(16)  NOT NULL,
    custom_fields       JSON         NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    INDEX ${prefix}company_created (created_at, id),
    INDEX ${prefix}company_name (name_hash, created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}company_domain (
    domain     VARCHAR(253) NOT NULL PRIMARY KEY,
    company_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    INDEX ${prefix}company_domain_company (company_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}lead (
    id                      CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version                 BIGINT       NOT NULL,
    contact_id              CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    company_id              CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    channel                 VARCHAR(32)  NOT NULL,
    campaign                TEXT         NOT NULL,
    utm_source              TEXT         NOT NULL,
    utm_medium              TEXT         NOT NULL,
    utm_campaign            TEXT         NOT NULL,
    utm_term                TEXT         NOT NULL,
    utm_content             TEXT         NOT NULL,
    referrer                TEXT         NOT NULL,
    external_ids            JSON         NOT NULL,
    request                 TEXT         NOT NULL,
    first_name              TEXT         NOT NULL,
    last_name               TEXT         NOT NULL,
    email                   VARCHAR(254),
    phone                   VARCHAR(32),
    company_name            TEXT         NOT NULL,
    owner_id                VARCHAR(200),
    status                  VARCHAR(16)  NOT NULL,
    is_open                 BOOLEAN      NOT NULL,
    disqualification_reason TEXT,
    submissions             INT          NOT NULL,
    custom_fields           JSON         NOT NULL,
    created_at              DATETIME(6)  NOT NULL,
    updated_at              DATETIME(6)  NOT NULL,
    INDEX ${prefix}lead_created (created_at, id),
    INDEX ${prefix}lead_status (status, created_at, id),
    INDEX ${prefix}lead_owner (owner_id, created_at, id),
    INDEX ${prefix}lead_open_email (email, is_open, created_at, id),
    INDEX ${prefix}lead_open_phone (phone, is_open, created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}lead_external_id (
    external_id VARCHAR(400) NOT NULL PRIMARY KEY,
    lead_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    INDEX ${prefix}lead_external_id_lead (lead_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
