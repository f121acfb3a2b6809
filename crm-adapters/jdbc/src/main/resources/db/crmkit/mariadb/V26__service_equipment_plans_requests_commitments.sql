-- crmkit schema, MariaDB 10.6+: crm-service's installed equipment, service plans, service requests and recorded
-- commitments. ${prefix} is the configured table prefix (default crm_). Ids are lower-case UUID text in ascii_bin.
-- Every table has a version for optimistic locking and seq, the row's insertion number, which orders rows with equal
-- times. No foreign keys: crm-service checks its references itself, and the tables can be emptied in any order.
-- Value parts with an inner structure (the site, a plan's terms and completions, a request's SLA) are JSON written
-- by the store's codec.

CREATE TABLE ${prefix}service_equipment (
    id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version       BIGINT       NOT NULL,
    customer_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    product       VARCHAR(200) NOT NULL,
    serial_number VARCHAR(100) NOT NULL,
    site          JSON         NOT NULL,
    installed_on  DATE         NOT NULL,
    warranty_end  DATE,
    parent_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    status        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    seq           BIGINT       NOT NULL AUTO_INCREMENT,
    UNIQUE KEY ${prefix}service_equipment_seq (seq),
    INDEX ${prefix}service_equipment_customer (customer_id, created_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}service_plan (
    id                 CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version            BIGINT         NOT NULL,
    customer_id        CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    equipment_id       CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    terms              JSON           NOT NULL,
    preferred_engineer VARCHAR(200),
    price              DECIMAL(38, 4) NOT NULL,
    price_currency     CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    completions        JSON           NOT NULL,
    active             BOOLEAN        NOT NULL,
    created_at         DATETIME(6)    NOT NULL,
    seq                BIGINT         NOT NULL AUTO_INCREMENT,
    UNIQUE KEY ${prefix}service_plan_seq (seq),
    INDEX ${prefix}service_plan_customer (customer_id, created_at, seq),
    INDEX ${prefix}service_plan_active (active, created_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}service_request (
    id           CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    customer_id  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    equipment_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    channel      VARCHAR(50)  NOT NULL,
    priority     VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    summary      VARCHAR(500) NOT NULL,
    sla          JSON         NOT NULL,
    opened_at    DATETIME(6)  NOT NULL,
    responded_at DATETIME(6),
    resolved_at  DATETIME(6),
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    UNIQUE KEY ${prefix}service_request_seq (seq),
    INDEX ${prefix}service_request_customer (customer_id, opened_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}service_commitment (
    id          CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    promise     VARCHAR(500) NOT NULL,
    due         DATE         NOT NULL,
    recorded_by VARCHAR(200) NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    task_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    is_open     BOOLEAN      NOT NULL,
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    UNIQUE KEY ${prefix}service_commitment_seq (seq),
    INDEX ${prefix}service_commitment_customer (customer_id, due, seq),
    INDEX ${prefix}service_commitment_open (is_open, due, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
