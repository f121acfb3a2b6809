-- crmkit schema, PostgreSQL: the index of the activities whose participants are not keyed yet (V54) holds those rows
-- only. Every activity crmkit writes is keyed as it is inserted (participants_keyed true), so the index on the whole
-- column took one entry per activity, a B-tree insert and its WAL record on every timeline entry (a deal move, an
-- assignment, a capture), for rows ParticipantKeyFill never looks for. Keyed by id, the order the fill reads the
-- unkeyed rows in (WHERE participants_keyed = FALSE ORDER BY id). H2 and MariaDB have no partial indexes and keep
-- V54's. ${prefix} is the configured table prefix (default crm_).

DROP INDEX ${prefix}activity_unkeyed;
CREATE INDEX ${prefix}activity_unkeyed ON ${prefix}activity (id) WHERE NOT participants_keyed;
