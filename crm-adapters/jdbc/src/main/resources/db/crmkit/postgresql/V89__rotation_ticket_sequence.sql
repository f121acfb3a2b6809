-- crmkit schema, PostgreSQL 13+: rotation tickets from a sequence per rotation (JdbcCrmStore.Builder
-- #rotationTicketsFromSequence, the default). A sequence's nextval is not transactional: an assignment takes its
-- ticket inside its unit of work without holding a lock on the rotation's row until its commit. The first node to use
-- a rotation creates its sequence, named ${prefix}ticket_seq_<n> with n from the sequence below, starting at the
-- row's next_ticket, and names it in ticket_sequence; from then on the sequence, not next_ticket, is the rotation's
-- cursor. A row without a sequence (strict rotation, tickets ahead, a restored export) keeps its cursor in next_ticket.
ALTER TABLE ${prefix}assignment_rotation ADD COLUMN ticket_sequence varchar(63);

-- The numbers in the names of the rotations' sequences. Every sequence of this feature is owned by the column that
-- names it, so dropping the rotation table (a host's or a benchmark's clean-up) drops them too, and a later migration
-- of the same prefix finds no sequence left over.
CREATE SEQUENCE ${prefix}assignment_rotation_number AS bigint
    OWNED BY ${prefix}assignment_rotation.ticket_sequence;
