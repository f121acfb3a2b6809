-- crmkit schema, PostgreSQL 13+: saved segment definitions of crm-campaigns (SavedSegments, JdbcSavedSegments). One
-- row per segment name; the filter is kept as its canonical text (ContactFilterText); a change is an update
-- conditional on the version read. No personal data of contacts (a filter may name users and teams).
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}campaign_segment (
    name        varchar(200) NOT NULL PRIMARY KEY,
    version     bigint       NOT NULL,
    filter_text text         NOT NULL
);
