-- crmkit schema, H2: saved segment definitions of crm-campaigns (SavedSegments, JdbcSavedSegments). One row per
-- segment name; the filter is kept as its canonical text (ContactFilterText); a change is an update conditional on
-- the version read. No personal data of contacts (a filter may name users and teams).
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}campaign_segment (
    name        CHARACTER VARYING(200) NOT NULL PRIMARY KEY,
    version     BIGINT                 NOT NULL,
    filter_text CHARACTER VARYING      NOT NULL
);
