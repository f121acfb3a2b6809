-- crmkit schema, MariaDB 10.6+: a node's leased claim of a sequence enrollment (SequenceRunner,
-- JdbcEnrollments.claimDue), so one node at a time executes an enrollment's due steps. A node claims a row by a
-- conditional update that sets claimed_by and lease_until (epoch milliseconds) only while no live lease holds it;
-- its advance is conditional on the state it started from and on still holding the claim, and clears both. A
-- node that dies holding a claim loses it when the lease runs out. ${prefix} is the configured table prefix
-- (default crm_).

ALTER TABLE ${prefix}campaign_enrollment ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE ${prefix}campaign_enrollment ADD COLUMN lease_until BIGINT;
