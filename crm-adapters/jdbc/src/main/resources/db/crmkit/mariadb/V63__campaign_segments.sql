-- crmkit schema, MariaDB: saved segment definitions of crm-campaigns (SavedSegments, JdbcSavedSegments). One row per
-- segment name (utf8mb4_nopad_bin: a trailing blank makes another name); the filter is kept as its canonical text
-- (ContactFilterText); a change is an update conditional on the version read. No personal data of contacts (a
-- filter may name users and teams). ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}campaign_segment (
    name        VARCHAR(200) COLLATE utf8mb4_nopad_bin NOT NULL,
    version     BIGINT       NOT NULL,
    filter_text MEDIUMTEXT   NOT NULL,
    CONSTRAINT ${prefix}campaign_segment_pk PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
