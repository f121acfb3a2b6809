-- crmkit schema, PostgreSQL 13+: A/B tests of crm-campaigns (AbTestStore, JdbcAbTestStore). A plan and its variants
-- never change once stored; campaign_ab_exposure holds which contact got which variant and whether it did the metric's
-- action (by contact id only, like the ledger: an erased person stays an anonymous contact id); campaign_ab_winner the
-- winner, decided once (the primary key lets the first node in). Instants are epoch microseconds. ${prefix} is the
-- configured table prefix (default crm_).

CREATE TABLE ${prefix}campaign_ab_test (
    id           varchar(100) NOT NULL PRIMARY KEY,
    campaign     varchar(100) NOT NULL,
    metric       varchar(20)  NOT NULL,
    alpha        varchar(30)  NOT NULL,
    min_exposed  bigint       NOT NULL,
    test_percent integer      NOT NULL
);

CREATE TABLE ${prefix}campaign_ab_variant (
    test_id  varchar(100) NOT NULL,
    variant_no integer      NOT NULL,
    name     varchar(100) NOT NULL,
    weight   integer      NOT NULL,
    PRIMARY KEY (test_id, variant_no)
);

CREATE TABLE ${prefix}campaign_ab_exposure (
    test_id    varchar(100) NOT NULL,
    contact_id varchar(200) NOT NULL,
    variant    varchar(100) NOT NULL,
    exposed_at bigint       NOT NULL,
    hit_at     bigint,
    PRIMARY KEY (test_id, contact_id)
);


CREATE TABLE ${prefix}campaign_ab_winner (
    test_id    varchar(100) NOT NULL PRIMARY KEY,
    variant    varchar(100) NOT NULL,
    p_value    varchar(30)  NOT NULL,
    decided_at bigint       NOT NULL
);
