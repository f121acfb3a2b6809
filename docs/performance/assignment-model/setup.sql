-- Prepares a database left by `crm bench scoring` stopped after its timed assignments (see run.sh): a numbered list
-- of the 5,000 leads for pgbench's random picks, every lead without owner again, a rotation row 'rr' (pgbench reads
-- ':word' as a variable, so the scripts' literals carry no colon) and the sequence of option (a).
CREATE TABLE ids AS SELECT row_number() OVER (ORDER BY id)::int AS n, id, contact_id FROM crm_bench_lead;
ALTER TABLE ids ADD PRIMARY KEY (n);
UPDATE crm_bench_lead SET owner_id = NULL;
INSERT INTO crm_bench_assignment_rotation (name, next_ticket) VALUES ('rr', 0);
CREATE SEQUENCE rot_seq;
VACUUM ANALYZE;
