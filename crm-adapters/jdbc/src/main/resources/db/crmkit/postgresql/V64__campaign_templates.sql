-- crmkit schema, PostgreSQL 13+: user-edited templates of crm-campaigns (TemplateStore, JdbcTemplateStore), every
-- version kept: one row per name, language (canonical tag, '' for the fallback) and version. A save reads the newest
-- version and inserts the next one; the primary key lets one of two concurrent saves in. No personal data of
-- contacts. ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}campaign_template (
    name     varchar(100)  NOT NULL,
    language varchar(35)   NOT NULL,
    version  bigint        NOT NULL,
    subject  varchar(1000) NOT NULL,
    body     text          NOT NULL,
    PRIMARY KEY (name, language, version)
);
