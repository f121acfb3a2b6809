-- crmkit schema, PostgreSQL: the index of the activities whose participants are not keyed yet (V54) holds those rows
-- only. Every activity crmkit writes is keyed as it is inserted (participants_keyed true), so the index on the whole
-- column took one entry per activity, a B-tree insert and its WAL record on every timeline entry (a deal move, an
-- assignment, a capture), for rows ParticipantKeyFill never looks for. Keyed by id, the order the fill reads the
-- unkeyed rows in (WHERE participants_keyed = FALSE ORDER BY id). H2 and MariaDB have no partial indexes and keep
-- V54's. ${prefix} is the configured table prefix (default crm_).
-- Upgrading a large store: like crmkit's other index scripts, this builds the index in the migration's transaction,
-- which reads the whole activity table once and holds off writes to it (timeline entries, so moves, assignments and
-- captures of nodes still running) until it commits; the new index itself is small. Run it at a quiet time, or
-- build the index beforehand with CREATE INDEX CONCURRENTLY under another name and swap it in by hand.

DROP INDEX ${prefix}activity_unkeyed;
CREATE INDEX ${prefix}activity_unkeyed ON ${prefix}activity (id) WHERE NOT participants_keyed;
