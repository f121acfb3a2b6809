-- crmkit schema, MariaDB: user-edited templates of crm-campaigns (TemplateStore, JdbcTemplateStore), every version
-- kept: one row per name, language (canonical tag, '' for the fallback) and version (key columns
-- utf8mb4_nopad_bin: a trailing blank is another key). A save reads the newest version and inserts the next one; the
-- primary key lets one of two concurrent saves in. No personal data of contacts. ${prefix} is the configured table
-- prefix (default crm_).

CREATE TABLE ${prefix}campaign_template (
    name     VARCHAR(100) COLLATE utf8mb4_nopad_bin NOT NULL,
    language VARCHAR(35)  COLLATE utf8mb4_nopad_bin NOT NULL,
    version  BIGINT        NOT NULL,
    subject  VARCHAR(1000) NOT NULL,
    body     MEDIUMTEXT    NOT NULL,
    CONSTRAINT ${prefix}campaign_template_pk PRIMARY KEY (name, language, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
