-- crmkit schema, H2: user-edited templates of crm-campaigns (TemplateStore, JdbcTemplateStore), every version kept:
-- one row per name, language (canonical tag, '' for the fallback) and version. A save reads the newest version and
-- inserts the next one; the primary key lets one of two concurrent saves in. No personal data of contacts.
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}campaign_template (
    name     CHARACTER VARYING(100)  NOT NULL,
    language CHARACTER VARYING(35)   NOT NULL,
    version  BIGINT                  NOT NULL,
    subject  CHARACTER VARYING(1000) NOT NULL,
    body     CHARACTER VARYING       NOT NULL,
    PRIMARY KEY (name, language, version)
);
