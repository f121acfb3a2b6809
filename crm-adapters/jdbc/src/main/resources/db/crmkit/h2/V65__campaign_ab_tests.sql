-- crmkit schema, H2: A/B tests of crm-campaigns (AbTestStore, JdbcAbTestStore). A plan and its variants never change
-- once stored; campaign_ab_exposure holds which contact got which variant and whether it did the metric's action (by
-- contact id only, like the ledger: an erased person stays an anonymous contact id); campaign_ab_winner the winner,
-- decided once (the primary key lets the first node in). Instants are epoch microseconds. ${prefix} is the configured
-- table prefix (default crm_).

CREATE TABLE ${prefix}campaign_ab_test (
    id           CHARACTER VARYING(100) NOT NULL PRIMARY KEY,
    campaign     CHARACTER VARYING(100) NOT NULL,
    metric       CHARACTER VARYING(20)  NOT NULL,
    alpha        CHARACTER VARYING(30)  NOT NULL,
    min_exposed  BIGINT       NOT NULL,
    test_percent INTEGER      NOT NULL
);

CREATE TABLE ${prefix}campaign_ab_variant (
    test_id  CHARACTER VARYING(100) NOT NULL,
    variant_no INTEGER      NOT NULL,
    name     CHARACTER VARYING(100) NOT NULL,
    weight   INTEGER      NOT NULL,
    PRIMARY KEY (test_id, variant_no)
);

CREATE TABLE ${prefix}campaign_ab_exposure (
    test_id    CHARACTER VARYING(100) NOT NULL,
    contact_id CHARACTER VARYING(200) NOT NULL,
    variant    CHARACTER VARYING(100) NOT NULL,
    exposed_at BIGINT       NOT NULL,
    hit_at     BIGINT,
    PRIMARY KEY (test_id, contact_id)
);


CREATE TABLE ${prefix}campaign_ab_winner (
    test_id    CHARACTER VARYING(100) NOT NULL PRIMARY KEY,
    variant    CHARACTER VARYING(100) NOT NULL,
    p_value    CHARACTER VARYING(30)  NOT NULL,
    decided_at BIGINT       NOT NULL
);
