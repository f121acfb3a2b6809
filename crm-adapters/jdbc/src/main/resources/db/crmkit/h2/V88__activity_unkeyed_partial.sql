-- crmkit schema, H2 2.x: nothing to change. PostgreSQL's V88 narrows the index of activities whose participants are not
-- keyed yet (V54) to those rows with a partial index; H2 2.x has no partial indexes and keeps V54's index on the column.
-- The script is here so that every dialect's schema has the same versions.
SELECT 1;
