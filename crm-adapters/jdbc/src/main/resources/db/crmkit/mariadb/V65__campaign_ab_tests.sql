-- crmkit schema, MariaDB: A/B tests of crm-campaigns (AbTestStore, JdbcAbTestStore). A plan and its variants never
-- change once stored; campaign_ab_exposure holds which contact got which variant and whether it did the metric's
-- action (by contact id only, like the ledger: an erased person stays an anonymous contact id); campaign_ab_winner the
-- winner, decided once (the primary key lets the first node in). Key columns utf8mb4_nopad_bin (a trailing blank is
-- another key). Instants are epoch microseconds. ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}campaign_ab_test (
    id           VARCHAR(100) COLLATE utf8mb4_nopad_bin NOT NULL,
    campaign     VARCHAR(100) NOT NULL,
    metric       VARCHAR(20)  NOT NULL,
    alpha        VARCHAR(30)  NOT NULL,
    min_exposed  BIGINT       NOT NULL,
    test_percent INTEGER      NOT NULL,
    CONSTRAINT ${prefix}campaign_ab_test_pk PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}campaign_ab_variant (
    test_id  VARCHAR(100) COLLATE utf8mb4_nopad_bin NOT NULL,
    variant_no INTEGER      NOT NULL,
    name     VARCHAR(100) COLLATE utf8mb4_nopad_bin NOT NULL,
    weight   INTEGER      NOT NULL,
    CONSTRAINT ${prefix}campaign_ab_variant_pk PRIMARY KEY (test_id, variant_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}campaign_ab_exposure (
    test_id    VARCHAR(100) COLLATE utf8mb4_nopad_bin NOT NULL,
    contact_id VARCHAR(200) COLLATE utf8mb4_nopad_bin NOT NULL,
    variant    VARCHAR(100) COLLATE utf8mb4_nopad_bin NOT NULL,
    exposed_at BIGINT       NOT NULL,
    hit_at     BIGINT,
    CONSTRAINT ${prefix}campaign_ab_exposure_pk PRIMARY KEY (test_id, contact_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}campaign_ab_winner (
    test_id    VARCHAR(100) COLLATE utf8mb4_nopad_bin NOT NULL,
    variant    VARCHAR(100) COLLATE utf8mb4_nopad_bin NOT NULL,
    p_value    VARCHAR(30)  NOT NULL,
    decided_at BIGINT       NOT NULL,
    CONSTRAINT ${prefix}campaign_ab_winner_pk PRIMARY KEY (test_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
