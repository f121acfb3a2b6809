package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.kernel.ConflictException;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.kit.archive.LeadClaim;
import dev.crmkit.kit.archive.QuotaUse;
import dev.crmkit.kit.archive.RotationCursor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * What assignment policies remember, in a relational database shared by every node. Each method is one atomic step
 * that takes part in the running unit of work (under a savepoint) or runs in one of its own:
 * <ul>
 *   <li>a rotation ticket is {@code next_ticket = next_ticket + 1} on the rotation's row, whose row lock makes
 *   tickets distinct and dense: on PostgreSQL one upsert with {@code RETURNING}; on MariaDB an
 *   {@code INSERT ... ON DUPLICATE KEY UPDATE}, which takes the row's exclusive lock at once (an {@code INSERT IGNORE}
 *   that met the row would take a shared lock first, and two of them upgrading would deadlock), then a read of the
 *   row under that lock; on H2 an update, then the read, with the row created at 0 by an insert-ignoring statement
 *   the first time;</li>
 *   <li>a quota unit is {@code UPDATE assignment_quota SET used_units = used_units + 1 WHERE ... AND used_units < ?},
 *   taken when it changes a row (the day's row is created, at 0, the first time: on MariaDB by an upsert that
 *   takes the exclusive lock at once, as above);</li>
 *   <li>a claim is an insert-ignoring of {@code (lead_id, lead_version)} into {@code assignment_claim}, won when it
 *   inserts the row; on PostgreSQL and MariaDB a node that claims a lead another unit has claimed but not
 *   committed waits for that unit to end.</li>
 * </ul>
 * As these steps join the unit of work, a unit that rolls back gives back its ticket, quota unit and claim, and the
 * row locks they take are held until it ends, so units that assign through one rotation run one at a time (strict
 * rotation, and always on H2 and MariaDB). On PostgreSQL a store's default takes a rotation's tickets from a sequence
 * of its own instead ({@code nextval} in the claim's statement, inside the unit): no row lock, so units through one
 * rotation run side by side, and a ticket is never given back (a sequence is not transactional). The sequence is
 * created the first time a node needs it, under the rotation's row lock (in the running unit, under a savepoint, or in
 * a transaction of its own outside one), starting at the
 * row's cursor, and named on the row ({@code ticket_sequence}); the row's {@code next_ticket} is then no longer read
 * or advanced, and the exported cursor is the sequence's. Or a ticket can be taken ahead of the unit
 * ({@link #advanceAhead}), in a transaction of its own, which holds the rotation's row only while its statement runs
 * and is never given back; that statement also gives the lead as it read it, whose owner write, checked by version,
 * then goes with the unit's commit ({@link #claimAndAssignTicket}). On PostgreSQL every statement that takes a ticket
 * by the rotation's row takes, for a row that names a sequence, that sequence's next instead (tickets ahead, a store
 * whose role may not create sequences, the host's transactions joined), so nodes of either mode hand out one series;
 * strict rotation refuses such a rotation. A sequence store whose role may not create a rotation's sequence, or use
 * the one named, takes that rotation's tickets ahead on its row (see {@link #sequence}).
 * Rotation names are at most {@value #MAX_ROTATION} characters and member ids at most {@value #MAX_MEMBER}.
 * Thread-safe.
 */
final class JdbcAssignmentState implements AssignmentState {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAssignmentState.class);

    /** The longest rotation name the table holds. */
    static final int MAX_ROTATION = 400;

    /** The longest member id the table holds. */
    static final int MAX_MEMBER = 200;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final JdbcLeads ownLeads;
    private final String upsertRotation;
    private final String insertRotation;
    private final String advanceRotation;
    private final String readRotation;
    private final String insertQuota;
    private final String lockQuota;
    private final String consumeQuota;
    private final String releaseQuota;
    private final String selectQuota;
    private final String insertClaim;
    private final String deleteClaim;
    private final String claimAndAssign;
    private final String readAndAssign;
    /** {@link #claimAndAssign} and {@link #readAndAssign} with the ticket from a sequence: null without sequences. */
    private final String claimAndAssignFromSequence;
    private final String readAndAssignFromSequence;
    /** Whether tickets are strictly on the rotation's row ({@link Tickets#STRICT}): a rotation's sequence refused. */
    private final boolean strict;
    private final Tickets tickets;
    private final String readAndAssignTicket;
    private final String advanceAhead;
    private final String claimAndAssignChecked;
    private final String leadVersion;
    /** Whether rotation tickets come from a sequence per rotation ({@link Tickets#SEQUENCE} on PostgreSQL). */
    private final boolean sequences;
    private final String nextTicket;
    private final String lockRotation;
    /** The sequence named on the rotation's row, as committed (or written by the running unit), read without a lock. */
    private final String namedSequence;
    private final String nameSequence;
    private final String rotationNumber;
    /**
     * The sequence of each rotation this node has used, as seen committed (a sequence, once named on a rotation's
     * row, stays), or empty for a rotation whose sequence this node's role may not create or use, so it takes the
     * rotation's tickets ahead on its row: remembered, so it is not tried again for every assignment. A sequence
     * created in a unit is remembered only once that unit commits. An entry whose sequence is gone (its table
     * dropped, or dropped by hand) is dropped when {@code nextval} finds so (see {@link #withSequence}).
     *
     * <p>An entry is checked for existence only, not for still being the one its rotation's row names (review
     * A-L2): after the rotation table is dropped and migrated again while this store runs, the names are numbered
     * from 1 again and a remembered name may denote another rotation's new sequence; after the tables are emptied
     * and restored, the old sequences stay (they go only with the table) while the restored rows name none. In both
     * cases this store would go on taking tickets from the sequence it remembers: build a new store (restart the
     * nodes) after such a clean-up or restore.
     */
    private final ConcurrentMap<String, Optional<String>> sequenceOf = new ConcurrentHashMap<>();

    /** SQLState of PostgreSQL's insufficient privilege. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** PostgreSQL's state when a role that does not own the rotation table links a sequence to it (OWNED BY). */
    private static final String NOT_THE_TABLES_OWNER = "55000";
    /** SQLState of PostgreSQL's undefined table, also of a sequence named that does not exist. */
    private static final String UNDEFINED_TABLE = "42P01";

    /**
     * On PostgreSQL, of a rotation's row {@code r}: whether its tickets are taken on the row, because it names no
     * sequence or one this node's role may not use ({@code nextval} needs USAGE or UPDATE on it).
     */
    private static final String ON_ROW_SQL = "(r.ticket_sequence IS NULL OR NOT has_sequence_privilege("
            + "r.ticket_sequence, 'USAGE,UPDATE'))";

    /** A ticket statement's ticket where it took none (a ticket is never negative). */
    private static final long NO_TICKET = Long.MIN_VALUE;

    /** How rotation tickets are taken on PostgreSQL (see {@link JdbcCrmStore.Builder}). */
    enum Tickets {
        /** From a sequence per rotation, inside the unit ({@link JdbcCrmStore.Builder#rotationTicketsFromSequence}). */
        SEQUENCE,
        /** On the rotation's row, ahead of the unit ({@link JdbcCrmStore.Builder#rotationTicketsAhead()}). */
        AHEAD,
        /** On the rotation's row, inside the unit ({@link JdbcCrmStore.Builder#strictRotation()}). */
        STRICT
    }

    /**
     * The assignment state of the store whose database access and leads these are.
     *
     * @param jdbc         the store's database access
     * @param ownLeads     the store's own leads, on the same {@code jdbc}: the only leads port whose owner write
     *                     {@link #claimAndAssign} may make itself
     * @param tickets      how rotation tickets are taken on PostgreSQL: from a sequence per rotation, ahead of the
     *                     unit of work ({@link #advanceAhead}), both skipping a turn when their assignment does not
     *                     happen, or strictly on the rotation's row inside the unit
     */
    JdbcAssignmentState(Jdbc jdbc, JdbcLeads ownLeads, Tickets tickets) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        this.ownLeads = Objects.requireNonNull(ownLeads, "ownLeads");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        strict = tickets == Tickets.STRICT;
        sequences = dialect == Dialect.POSTGRESQL && tickets == Tickets.SEQUENCE && !jdbc.tx.joinsHost();
        // tickets ahead: asked for, or a sequence store's fallback for a rotation without a sequence it may use
        boolean ticketsAhead = tickets == Tickets.AHEAD || sequences;
        String rotation = jdbc.tables.name("assignment_rotation");
        nextTicket = "SELECT nextval(CAST(? AS regclass))";
        // a sequence named on the row that is gone (dropped by hand) counts as none: a new one is made and named
        lockRotation = jdbc.sql("SELECT next_ticket, CASE WHEN to_regclass(ticket_sequence) IS NOT NULL "
                + "THEN ticket_sequence END, ticket_sequence IS NULL OR to_regclass(ticket_sequence) IS NULL OR "
                + "has_sequence_privilege(ticket_sequence, 'USAGE,UPDATE') FROM {assignment_rotation} WHERE name = ? "
                + "FOR UPDATE");
        // CASE, not OR: has_sequence_privilege fails on a name that does not exist, and only CASE fixes the order
        namedSequence = jdbc.sql("SELECT CASE WHEN to_regclass(ticket_sequence) IS NOT NULL THEN ticket_sequence END, "
                + "CASE WHEN to_regclass(ticket_sequence) IS NOT NULL THEN has_sequence_privilege(ticket_sequence, "
                + "'USAGE,UPDATE') END FROM {assignment_rotation} WHERE name = ?");
        nameSequence = jdbc.sql("UPDATE {assignment_rotation} SET ticket_sequence = ? WHERE name = ?");
        rotationNumber = "SELECT nextval('" + jdbc.tables.name("assignment_rotation_number") + "')";
        // the ticket of a claim won: the next of the rotation's sequence (its one parameter the sequence's name), or
        // by the rotation's row (its one parameter the rotation's name; see rowTicket)
        String fromSequence = "t AS (SELECT nextval(CAST(? AS regclass)) AS n FROM c), ";
        String ticket = rowTicket(rotation, "c", strict) + ", ";
        upsertRotation = switch (dialect) {
            case POSTGRESQL -> "WITH " + rowTicket(rotation, null, strict) + " SELECT n FROM t";
            case MARIADB -> "INSERT INTO " + rotation + " (name, next_ticket) VALUES (?, 1) "
                    + "ON DUPLICATE KEY UPDATE next_ticket = next_ticket + 1";
            case H2 -> null;
        };
        insertRotation = dialect.insertIgnoring(rotation, 1, "name", "next_ticket");
        advanceRotation = jdbc.sql("UPDATE {assignment_rotation} SET next_ticket = next_ticket + 1 WHERE name = ?");
        readRotation = jdbc.sql("SELECT next_ticket - 1 FROM {assignment_rotation} WHERE name = ?");
        insertQuota = dialect.insertIgnoring(jdbc.tables.name("assignment_quota"), 2, "member_id", "quota_day",
                "used_units");
        lockQuota = dialect != Dialect.MARIADB ? null : jdbc.sql("INSERT INTO {assignment_quota} (member_id, "
                + "quota_day, used_units) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE used_units = used_units");
        consumeQuota = jdbc.sql("UPDATE {assignment_quota} SET used_units = used_units + 1 "
                + "WHERE member_id = ? AND quota_day = ? AND used_units < ?");
        releaseQuota = jdbc.sql("UPDATE {assignment_quota} SET used_units = used_units - 1 "
                + "WHERE member_id = ? AND quota_day = ? AND used_units > 0");
        selectQuota = jdbc.sql("SELECT used_units FROM {assignment_quota} WHERE member_id = ? AND quota_day = ?");
        insertClaim = dialect.insertIgnoring(jdbc.tables.name("assignment_claim"), 2, "lead_id", "lead_version");
        deleteClaim = jdbc.sql("DELETE FROM {assignment_claim} WHERE lead_id = ? AND lead_version = ?");
        // the claim, the ticket (only when the claim is won) and the owner that ticket picks, in one statement
        String claimAndWrite = "u AS (UPDATE " + jdbc.tables.name("lead") + " l SET version = l.version + 1, "
                + "owner_id = (CAST(? AS text[]))[CAST(mod(t.n, ?) AS int) + 1], updated_at = ? FROM t "
                + "WHERE l.id = ? AND l.version = ? RETURNING l.id) "
                + "SELECT (SELECT count(*) FROM c), (SELECT n FROM t), (SELECT count(*) FROM u)";
        String claim = "WITH c AS (" + insertClaim + " RETURNING lead_id), ";
        claimAndAssign = dialect != Dialect.POSTGRESQL ? null : claim + ticket + claimAndWrite;
        claimAndAssignFromSequence = !sequences ? null : claim + fromSequence + claimAndWrite;
        // the same, the lead read in front (following a merge, as findById does) and claimed only when it is open
        // and owned as expected; the lead's row as read comes back with the three figures
        String readAndClaim = "WITH l AS (" + jdbc.selectByIdFollowingMerges("lead", "lead_alias") + "), "
                + "c AS (INSERT INTO " + jdbc.tables.name("assignment_claim") + " (lead_id, lead_version) "
                + "SELECT id, version FROM l WHERE is_open AND owner_id IS NOT DISTINCT FROM CAST(? AS text) "
                + "ON CONFLICT DO NOTHING RETURNING lead_id), ";
        String readAndWrite = "u AS (UPDATE " + jdbc.tables.name("lead") + " x SET version = x.version + 1, "
                + "owner_id = (CAST(? AS text[]))[CAST(mod(t.n, ?) AS int) + 1], updated_at = ? FROM t, l "
                + "WHERE x.id = l.id AND x.version = l.version RETURNING x.id) "
                + "SELECT l.*, (SELECT count(*) FROM c) AS crm_claimed, (SELECT n FROM t) AS crm_ticket, "
                + "(SELECT count(*) FROM u) AS crm_written FROM l";
        readAndAssign = dialect != Dialect.POSTGRESQL ? null : readAndClaim + ticket + readAndWrite;
        readAndAssignFromSequence = !sequences ? null : readAndClaim + fromSequence + readAndWrite;
        // the same with the ticket taken ahead: the owner it picks is a parameter, written only when the claim is won
        readAndAssignTicket = dialect != Dialect.POSTGRESQL ? null : readAndClaim
                + "u AS (UPDATE " + jdbc.tables.name("lead") + " x SET version = x.version + 1, owner_id = ?, "
                + "updated_at = ? FROM c, l WHERE x.id = l.id AND x.version = l.version RETURNING x.id) "
                + "SELECT l.*, (SELECT count(*) FROM c) AS crm_claimed, (SELECT count(*) FROM u) AS crm_written FROM l";
        // the ticket only for a lead open, owned as expected and not claimed at its version (as committed); its own
        // transaction's commit waits for no WAL flush (see advanceAhead). The rotation's row, there from its first
        // ticket on, is advanced by a plain UPDATE: one WAL record, where an upsert that meets the row locks it first
        // (a second record); the upsert only creates the row, when the UPDATE found none. A row that names a
        // sequence this node may use is not advanced: the ticket is that sequence's next (s), as the sequence nodes
        // take theirs, so the two modes hand out one series of tickets
        advanceAhead = dialect != Dialect.POSTGRESQL || !ticketsAhead ? null : "WITH l AS ("
                + jdbc.selectByIdFollowingMerges("lead", "lead_alias") + "), "
                + "k AS (SELECT 1 FROM l WHERE l.is_open AND l.owner_id IS NOT DISTINCT FROM CAST(? AS text) "
                + "AND NOT EXISTS (SELECT 1 FROM " + jdbc.tables.name("assignment_claim") + " x "
                + "WHERE x.lead_id = l.id AND x.lead_version = l.version)), "
                + "q AS (SELECT CAST(? AS text) AS name FROM k), "
                + "u AS (UPDATE " + rotation + " r SET next_ticket = r.next_ticket + 1 FROM q WHERE r.name = q.name "
                + "AND " + ON_ROW_SQL + " RETURNING r.next_ticket - 1 AS n), "
                + "s AS (SELECT nextval(CAST(r.ticket_sequence AS regclass)) AS n FROM " + rotation + " r, q "
                + "WHERE r.name = q.name AND NOT " + ON_ROW_SQL + "), "
                + "i AS (INSERT INTO " + rotation + " AS r (name, next_ticket) SELECT name, 1 FROM q "
                + "WHERE NOT EXISTS (SELECT 1 FROM u) AND NOT EXISTS (SELECT 1 FROM s) "
                + "ON CONFLICT (name) DO UPDATE SET next_ticket = r.next_ticket + 1 WHERE " + ON_ROW_SQL
                + " RETURNING r.next_ticket - 1 AS n), "
                + "t AS (SELECT n FROM u UNION ALL SELECT n FROM s UNION ALL SELECT n FROM i) "
                + "SELECT l.*, t.n AS crm_ticket, set_config('synchronous_commit', 'off', true) FROM t, l";
        // the owner write of a lead as read ahead, at that version, checked: it raises an error when the lead moved
        // on, so the unit rolls back (see claimAndAssignTicket). No claim row: the version check alone lets one unit
        // in, the claim would only turn a second unit's refusal into the same refusal one index entry later
        claimAndAssignChecked = advanceAhead == null ? null : "WITH u AS (UPDATE " + jdbc.tables.name("lead")
                + " x SET version = x.version + 1, owner_id = ?, updated_at = ? WHERE x.id = ? AND x.version = ? "
                + "RETURNING x.id) "
                + "SELECT CAST(CASE WHEN (SELECT count(*) FROM u) = 1 THEN '0' ELSE '"
                + JdbcTransactions.Checked.REFUSED + "stale' END AS integer)";
        leadVersion = jdbc.sql("SELECT version FROM {lead} WHERE id = ?");
    }

    /**
     * The common table expressions that take a ticket by the rotation's row on PostgreSQL, the last one {@code t(n)};
     * one parameter, the rotation's name; a ticket for each row of {@code from} (null: one ticket). The row is
     * advanced unless it names a sequence (V89) this node's role may use: then the ticket is that sequence's next, as a
     * node with tickets from a sequence takes it, so nodes of both modes hand out one series; with {@code strict} no
     * ticket at all ({@code t} empty; a sequence cannot give a rolled-back ticket back, so the caller refuses, see
     * {@link #noTicket}). Not strict, {@code t} is also empty in one race: the row was given its sequence while the
     * statement ran (its snapshot saw none, its upsert then met the sequence), and the unit runs again.
     */
    private static String rowTicket(String rotation, String from, boolean strict) {
        String q = "q AS (SELECT CAST(? AS text) AS name" + (from == null ? "" : " FROM " + from) + "), ";
        String upsert = "INSERT INTO " + rotation + " AS r (name, next_ticket) SELECT name, 1 FROM q "
                + "ON CONFLICT (name) DO UPDATE SET next_ticket = r.next_ticket + 1 WHERE "
                + (strict ? "r.ticket_sequence IS NULL" : ON_ROW_SQL) + " RETURNING r.next_ticket - 1 AS n";
        if (strict) {
            return q + "t AS (" + upsert + ")";
        }
        return q + "r0 AS (" + upsert + "), t AS (SELECT n FROM r0 UNION ALL "
                + "SELECT nextval(CAST(r.ticket_sequence AS regclass)) FROM " + rotation + " r, q "
                + "WHERE r.name = q.name AND NOT " + ON_ROW_SQL + " AND NOT EXISTS (SELECT 1 FROM r0))";
    }

    /**
     * Why a ticket statement on the rotation's row took no ticket for a claim it won: with strict rotation, because
     * the rotation's row names a sequence (refused: strict rotation gives a rolled-back unit's ticket back, which a
     * sequence cannot, and taking the row's stale cursor would hand out tickets the sequence hands out too);
     * otherwise the race of {@link #rowTicket}, a conflict, so the unit runs again.
     */
    private RuntimeException noTicket(String rotation) {
        if (strict) {
            return new IllegalStateException("rotation '" + rotation + "' takes its tickets from a sequence (named "
                    + "on its row by a node with JdbcCrmStore.Builder#rotationTicketsFromSequence), and this store "
                    + "was built with strict rotation (JdbcCrmStore.Builder#strictRotation), which takes them on the "
                    + "rotation's row and gives a rolled-back unit's ticket back, as a sequence cannot: build every "
                    + "node sharing the database with the same ticket mode");
        }
        return new ConflictException("rotation '" + rotation + "' was given a ticket sequence while this unit took "
                + "its ticket; run it again", null);
    }

    @Override
    public long advance(String rotation) {
        checkRotation(rotation);
        return withSequence(rotation, sequence -> sequence.isPresent()
                ? jdbc.tx.write(c -> jdbc.one(c, nextTicket, rs -> rs.getLong(1), sequence.get()).orElseThrow())
                : advanceOnRow(rotation));
    }

    /** {@link #advance} by the rotation's row. */
    private long advanceOnRow(String rotation) {
        return jdbc.tx.write(c -> {
            if (dialect == Dialect.POSTGRESQL) {
                return jdbc.one(c, upsertRotation, rs -> rs.getLong(1), rotation)
                        .orElseThrow(() -> noTicket(rotation));
            }
            if (dialect == Dialect.MARIADB) {
                jdbc.update(c, upsertRotation, rotation);
            } else if (jdbc.update(c, advanceRotation, rotation) == 0) {
                jdbc.insertIgnoring(c, insertRotation, rotation, 0L);
                jdbc.update(c, advanceRotation, rotation);
            }
            return jdbc.one(c, readRotation, rs -> rs.getLong(1), rotation).orElseThrow();
        });
    }

    @Override
    public boolean tryConsume(String member, LocalDate day, int quota) {
        checkMember(member);
        Objects.requireNonNull(day, "day");
        if (quota < 0) {
            throw new IllegalArgumentException("quota must not be negative: " + quota);
        }
        if (quota == 0) {
            return false;
        }
        return jdbc.tx.write(c -> {
            if (jdbc.update(c, consumeQuota, member, day, quota) == 1) {
                return true;
            }
            // no row for the day yet, or the quota is used up: create the row if missing and try once more
            if (dialect == Dialect.MARIADB) {
                jdbc.update(c, lockQuota, member, day);
            } else {
                jdbc.insertIgnoring(c, insertQuota, member, day, 0);
            }
            return jdbc.update(c, consumeQuota, member, day, quota) == 1;
        });
    }

    @Override
    public int used(String member, LocalDate day) {
        checkMember(member);
        Objects.requireNonNull(day, "day");
        return jdbc.tx.read(c -> jdbc.one(c, selectQuota, rs -> rs.getInt(1), member, day)).orElse(0);
    }

    @Override
    public void release(String member, LocalDate day) {
        checkMember(member);
        Objects.requireNonNull(day, "day");
        jdbc.tx.write(c -> jdbc.update(c, releaseQuota, member, day));
    }

    @Override
    public boolean claim(LeadId lead, long version) {
        Objects.requireNonNull(lead, "lead");
        return jdbc.tx.write(c -> jdbc.insertIgnoring(c, insertClaim, lead.value(), version));
    }

    @Override
    public void releaseClaim(LeadId lead, long version) {
        Objects.requireNonNull(lead, "lead");
        jdbc.tx.write(c -> jdbc.update(c, deleteClaim, lead.value(), version));
    }

    /**
     * On PostgreSQL the claim, the ticket and the owner write are one statement (data-modifying common table
     * expressions: the ticket is taken only when the claim inserted its row, the owner only written when the ticket
     * was taken), so the unit waits once instead of for each step and the rotation's row lock is taken one round trip
     * later; the write's savepoint is set by the same round trip. The statement writes this store's lead table itself,
     * so it is taken only when {@code leads} is this
     * store's own leads port; any other port (a host's decorator around it, another store's leads) gets the owner
     * write through its {@link Leads#update}, as on the other databases, which run the steps one after another.
     */
    @Override
    public OptionalLong claimAndAssign(Lead lead, String rotation, List<UserId> ownerByTicket, Instant at,
                                       Leads leads) {
        if (dialect != Dialect.POSTGRESQL || leads != ownLeads) {
            return AssignmentState.super.claimAndAssign(lead, rotation, ownerByTicket, at, leads);
        }
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leads, "leads");
        String[] owners = owners(rotation, ownerByTicket);
        return withSequence(rotation, sequence -> claimAndAssign(lead, rotation, owners, at, sequence));
    }

    /** {@link #claimAndAssign} on PostgreSQL, the ticket from {@code sequence} or, if empty, by the rotation's row. */
    private OptionalLong claimAndAssign(Lead lead, String rotation, String[] owners, Instant at,
                                        Optional<String> sequence) {
        String sql = sequence.isPresent() ? claimAndAssignFromSequence : claimAndAssign;
        String tickets = sequence.orElse(rotation);
        UUID id = lead.id().value();
        // the write's savepoint goes with the statement: one round trip for both
        return jdbc.tx.writeInOne((c, leading) -> {
            long[] counts = leading.query(c, sql, ps -> {
                jdbc.bind(ps, id, lead.version(), tickets);
                ps.setArray(4, c.createArrayOf("text", owners));
                jdbc.bind(ps, 5, owners.length);
                jdbc.bind(ps, 6, at);
                jdbc.bind(ps, 7, id);
                jdbc.bind(ps, 8, lead.version());
            }, rs -> {
                rs.next();
                return new long[] {rs.getLong(1), rs.getObject(2) == null ? NO_TICKET : rs.getLong(2),
                        rs.getLong(3)};
            });
            long claimed = counts[0];
            long ticket = counts[1];
            long written = counts[2];
            if (claimed == 0) {
                return OptionalLong.empty();
            }
            if (ticket == NO_TICKET) {
                throw noTicket(rotation);
            }
            if (written == 0) { // rolled back to the write's savepoint: the claim is given back, and the ticket
                                // too when on the rotation's row (a sequence's value is not)
                if (jdbc.one(c, leadVersion, rs -> rs.getLong(1), id).isEmpty()) {
                    throw new NoSuchElementException("there is no lead " + lead.id());
                }
                throw new StaleVersionException("lead", lead.id().toString(), lead.version());
            }
            return OptionalLong.of(ticket);
        });
    }

    /**
     * On PostgreSQL the read of the lead, the claim, the ticket and the owner write are one statement, as for
     * {@link #claimAndAssign} with the lead's row read in front: so an assignment by a rotation known before the read
     * waits for the database twice, this statement (with the write's savepoint) and the commit (with the timeline
     * entry and the outbox). Only for this store's own leads port, as {@link #claimAndAssign}; otherwise, and on the
     * other databases, the read and then {@link #claimAndAssign}.
     */
    @Override
    public Optional<Attempt> readAndAssign(LeadId id, Optional<UserId> owner, String rotation,
                                           List<UserId> ownerByTicket, Instant at, Leads leads) {
        if (dialect != Dialect.POSTGRESQL || leads != ownLeads) {
            return AssignmentState.super.readAndAssign(id, owner, rotation, ownerByTicket, at, leads);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        String[] owners = owners(rotation, ownerByTicket);
        return withSequence(rotation, sequence -> readAndAssign(id, owner, rotation, owners, at, sequence));
    }

    /** {@link #readAndAssign} on PostgreSQL, the ticket from {@code sequence} or, when empty, by the rotation's row. */
    private Optional<Attempt> readAndAssign(LeadId id, Optional<UserId> owner, String rotation, String[] owners,
                                            Instant at, Optional<String> sequence) {
        String sql = sequence.isPresent() ? readAndAssignFromSequence : readAndAssign;
        String tickets = sequence.orElse(rotation);
        UUID lead = id.value();
        // the write's savepoint goes with the statement: one round trip for both
        return jdbc.tx.writeInOne((c, leading) -> {
            Read read = leading.query(c, sql, ps -> {
                jdbc.bind(ps, lead, lead, lead);
                jdbc.bind(ps, 4, owner.<Object>map(UserId::value).orElse(Jdbc.Null.TEXT));
                jdbc.bind(ps, 5, tickets);
                ps.setArray(6, c.createArrayOf("text", owners));
                jdbc.bind(ps, 7, owners.length);
                jdbc.bind(ps, 8, at);
            }, rs -> rs.next() ? new Read(ownLeads.map(rs), rs.getLong("crm_claimed"),
                    rs.getObject("crm_ticket") == null ? NO_TICKET : rs.getLong("crm_ticket"),
                    rs.getLong("crm_written")) : null);
            if (read != null && read.claimed() == 1 && read.ticket() == NO_TICKET) {
                throw noTicket(rotation);
            }
            return Optional.ofNullable(read).map(Read::attempt);
        });
    }

    /**
     * On PostgreSQL, when the store was built with {@link JdbcCrmStore.Builder#rotationTicketsAhead()}, outside a
     * unit of work and with the host's transactions not joined: the lead's check and the ticket upsert of
     * {@link #advance} in one statement in auto-commit on a connection of its own, so the rotation's row lock is held
     * only while that statement runs. Its commit is asynchronous ({@code synchronous_commit} off for that transaction
     * alone): it waits
     * for no WAL flush, which would otherwise be paid with the row lock held, one assignment after another. That loses
     * no ticket an assignment used: the assignment's own commit, later in the WAL, flushes the WAL up to it. A crash
     * may lose only the advance of tickets whose assignments never committed, so such a ticket may be taken again.
     * A failure of that statement (a deadlock, a lock or statement timeout, a lost connection) takes no ticket ahead:
     * empty, so the assignment takes its ticket in its unit of work as without tickets ahead, and is retried there as
     * any unit is (should the statement have committed before its failure reached this node, that ticket's turn is
     * skipped, as for a ticket whose assignment does not happen). Elsewhere empty (see
     * {@link AssignmentState#advanceAhead} for the trade-off of a ticket taken ahead).
     */
    @Override
    public OptionalLong advanceAhead(LeadId lead, Optional<UserId> owner, String rotation) {
        return ahead(lead, owner, rotation, false).map(taken -> OptionalLong.of(taken.ticket()))
                .orElse(OptionalLong.empty());
    }

    /**
     * {@link #advanceAhead}, the lead as its statement read it (committed) given with the ticket when {@code leads}
     * is this store's own leads port, for {@link #claimAndAssignTicket}.
     */
    @Override
    public Optional<TicketAhead> takeTicketAhead(LeadId lead, Optional<UserId> owner, String rotation, Leads leads) {
        Objects.requireNonNull(leads, "leads");
        return ahead(lead, owner, rotation, leads == ownLeads);
    }

    /** The ticket taken ahead as {@link #advanceAhead} describes it, with the lead as read when {@code withLead}. */
    private Optional<TicketAhead> ahead(LeadId lead, Optional<UserId> owner, String rotation, boolean withLead) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(owner, "owner");
        checkRotation(rotation);
        if (advanceAhead == null) {
            return Optional.empty();
        }
        UUID id = lead.value();
        try {
            if (sequences && sequence(rotation).isPresent()) {
                return Optional.empty(); // taken in the unit, from the rotation's sequence
            }
            return jdbc.tx.autoCommitted(c -> jdbc.one(c, advanceAhead, rs -> new TicketAhead(rs.getLong("crm_ticket"),
                            withLead ? Optional.of(ownLeads.map(rs)) : Optional.empty()), id, id, id,
                            owner.<Object>map(UserId::value).orElse(Jdbc.Null.TEXT), rotation))
                    .flatMap(ticket -> ticket);
        } catch (ConflictException | JdbcStoreException e) {
            LOG.debug("no rotation ticket taken ahead for lead {}: {}; the assignment takes it in its unit", id,
                    e.toString());
            return Optional.empty();
        }
    }

    /**
     * On PostgreSQL, for this store's own leads port, in a unit of work that owns its transaction: the owner write
     * in one checked statement queued to go with the unit's commit ({@link JdbcTransactions#writeLaterChecked}), in
     * the round trip of the timeline entry, the outbox and the COMMIT, so the assignment's unit waits for the database
     * once. The statement writes the owner only when the lead is still at the version read ahead; otherwise it raises
     * an error, the unit rolls back and its commit throws {@link StaleVersionException}. It takes no claim row: of two
     * units writing one lead read at one version, the second's update waits for the first's row lock and then finds
     * the version moved on, which is the refusal a taken claim would have given (the ticket taken ahead stays taken
     * either way). Elsewhere the claim and {@code leads.update} one after another.
     */
    @Override
    public boolean claimAndAssignTicket(Lead lead, long ticket, List<UserId> ownerByTicket, Instant at,
                                        Leads leads) {
        if (claimAndAssignChecked == null || leads != ownLeads) {
            return AssignmentState.super.claimAndAssignTicket(lead, ticket, ownerByTicket, at, leads);
        }
        Objects.requireNonNull(at, "at");
        UserId picked = picked(ticket, ownerByTicket);
        UUID id = lead.id().value();
        JdbcTransactions.Checked write = new JdbcTransactions.Checked(claimAndAssignChecked,
                jdbc.params(picked.value(), at, id, lead.version()),
                code -> new StaleVersionException("lead", lead.id().toString(), lead.version()));
        if (!jdbc.tx.writeLaterChecked(write)) {
            return AssignmentState.super.claimAndAssignTicket(lead, ticket, ownerByTicket, at, leads);
        }
        return true;
    }

    /**
     * On PostgreSQL, for this store's own leads port: the read of the lead, the claim and the write of the owner the
     * ticket picks in one statement, as {@link #readAndAssign} without the ticket, the write's savepoint sent with it.
     * Otherwise, and on the other databases, the read, the claim and the owner write one after another.
     */
    @Override
    public Optional<Attempt> readAndAssignTicket(LeadId id, Optional<UserId> owner, long ticket,
                                                 List<UserId> ownerByTicket, Instant at, Leads leads) {
        if (dialect != Dialect.POSTGRESQL || leads != ownLeads) {
            return AssignmentState.super.readAndAssignTicket(id, owner, ticket, ownerByTicket, at, leads);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        UserId picked = picked(ticket, ownerByTicket);
        UUID lead = id.value();
        return jdbc.tx.writeInOne((c, leading) -> {
            Read read = leading.query(c, readAndAssignTicket, ps -> jdbc.bind(ps, lead, lead, lead,
                            owner.<Object>map(UserId::value).orElse(Jdbc.Null.TEXT), picked.value(), at),
                    rs -> rs.next() ? new Read(ownLeads.map(rs), rs.getLong("crm_claimed"), ticket,
                            rs.getLong("crm_written")) : null);
            return Optional.ofNullable(read).map(Read::attempt);
        });
    }

    /**
     * What a read-and-assign statement returned: the lead as read, how many claims and owner writes it made (0 or 1)
     * and the ticket of the owner it wrote.
     */
    private record Read(Lead lead, long claimed, long ticket, long written) {

        /**
         * The attempt: no ticket when the claim was not made; refused as stale when the owner write found the lead
         * changed since the statement read it (the statement is then rolled back to the write's savepoint).
         */
        Attempt attempt() {
            if (claimed == 0) {
                return new Attempt(lead, OptionalLong.empty());
            }
            if (written == 0) {
                throw new StaleVersionException("lead", lead.id().toString(), lead.version());
            }
            return new Attempt(lead, OptionalLong.of(ticket));
        }
    }

    /**
     * Runs {@code work} with the rotation's sequence ({@link #sequence}; empty without sequences, or where this node
     * takes the rotation's tickets on its row). When the sequence named is gone ({@code nextval} fails with SQLState
     * {@value #UNDEFINED_TABLE}: the rotation table dropped and migrated again, the tables emptied, the sequences
     * dropped and the rows restored, or the sequence dropped by hand), {@code work} rolled back to its savepoint (or
     * its own unit) wrote nothing: the sequence is forgotten and resolved again, and {@code work} runs once more.
     */
    private <T> T withSequence(String rotation, Function<Optional<String>, T> work) {
        Optional<String> sequence = sequences ? sequence(rotation) : Optional.empty();
        try {
            return work.apply(sequence);
        } catch (RuntimeException e) {
            if (sequence.isEmpty() || !hasState(e, UNDEFINED_TABLE)) {
                throw e;
            }
            sequenceOf.remove(rotation, sequence);
            LOG.info("rotation '{}': its ticket sequence {} is gone; resolving it again", rotation, sequence.get());
            return work.apply(sequence(rotation));
        }
    }

    /**
     * The rotation's sequence, created (with the rotation's row, when there is none) the first time any node needs
     * it, under the rotation's row lock (two nodes asking at once get the same one), starting at the rotation's stored
     * cursor, so a rotation whose tickets were taken on its row goes on in order.
     *
     * <p>A sequence already named on the row is read without a lock (review A-M2): a node with nothing remembered
     * (after every restart) takes no lock that its unit would hold to its end, so no other node's first use waits for
     * that unit, and two units resolving two rotations in opposite orders cannot deadlock. Only when the row names
     * no sequence it may use is the row locked, and the sequence created.
     *
     * <p>Inside a running unit of work it is created on the unit's own connection, under a savepoint: the unit takes
     * no second connection of the pool, which a unit holding the pool's last one would wait for until the pool's
     * timeout (review A-M1). PostgreSQL's DDL is transactional: the sequence, and its name on the row, are seen by
     * other nodes when the unit commits (they wait for the row lock until then), and are gone if it rolls back. So a
     * sequence created in a unit is remembered here only once the unit commits: the unit notes it made it, and its
     * later uses read it from the row again, unremembered (review A-L1: a name remembered before the commit would
     * send this node's other threads to a sequence they cannot see yet). A failure rolls back to the savepoint.
     * Outside a unit it is created in a transaction of its own that commits at once.
     *
     * <p>Empty when this node's role may not create the sequence (no CREATE on the schema: insufficient privilege,
     * SQLState {@value #INSUFFICIENT_PRIVILEGE}) or may not use the one named on the row (neither USAGE nor UPDATE on
     * it): this node then takes the rotation's tickets ahead on its row ({@link #advanceAhead}), which a node that
     * may use the sequence later converts as above. Either answer is remembered for the store's life: no second try
     * per assignment (a grant made later takes effect with a new store).
     */
    private Optional<String> sequence(String rotation) {
        Optional<String> known = sequenceOf.get(rotation);
        if (known != null) {
            return known;
        }
        Set<Object> madeInUnit = jdbc.tx.madeInUnit(); // null outside a unit
        MadeHere made = new MadeHere(this, rotation);
        TicketSequence resolved = jdbc.tx.read(c -> jdbc.one(c, namedSequence, rs -> Optional.ofNullable(
                named(rotation, rs.getString(1), rs.getBoolean(2))), rotation)).flatMap(n -> n).orElse(null);
        if (resolved == null) { // no row, or it names no sequence: lock the row, create one
            try {
                resolved = jdbc.tx.write(c -> createdOrNamed(c, rotation));
            } catch (RuntimeException e) {
                if (!lacksPrivilege(e)) {
                    throw e;
                }
                LOG.warn("rotation '{}': this node's database role may not create its ticket sequence ({}); its "
                        + "tickets are taken ahead on the rotation's row by this store", rotation,
                        e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                resolved = TicketSequence.ON_ROW;
            }
        }
        Optional<String> name = resolved.name();
        if (madeInUnit != null && resolved.createdNow()) { // exists for other sessions only once the unit commits
            madeInUnit.add(made);
            jdbc.tx.afterCommit(() -> sequenceOf.putIfAbsent(rotation, name));
        } else if (madeInUnit == null || !madeInUnit.contains(made)) {
            sequenceOf.put(rotation, name);
        }
        return name;
    }

    /** A unit's note of a rotation's sequence this store created in it ({@link JdbcTransactions#madeInUnit}). */
    private record MadeHere(JdbcAssignmentState store, String rotation) {
    }

    /**
     * What a sequence named on a rotation's row means for this node: that sequence; none it may use (no USAGE), so
     * tickets on the row; or null when the row names no sequence that exists.
     */
    private static TicketSequence named(String rotation, String sequence, boolean usable) {
        if (sequence == null) {
            return null;
        }
        if (!usable) {
            LOG.warn("rotation '{}': this node's database role may not use its ticket sequence {} (no USAGE); its "
                    + "tickets are taken ahead on the rotation's row by this store, counted apart from the "
                    + "sequence's", rotation, sequence);
            return TicketSequence.ON_ROW;
        }
        return new TicketSequence(Optional.of(sequence), false);
    }

    /**
     * What {@link #createdOrNamed} found or made for a rotation.
     *
     * @param name       the rotation's sequence; empty when this node's role may not create or use it, so it takes
     *                   the rotation's tickets on its row
     * @param createdNow whether the sequence was created by this call (not committed yet inside a unit)
     */
    private record TicketSequence(Optional<String> name, boolean createdNow) {

        /** No sequence this node may use: tickets on the rotation's row. */
        static final TicketSequence ON_ROW = new TicketSequence(Optional.empty(), false);
    }

    /** Whether a failure comes from an SQL statement refused for insufficient privilege. */
    private static boolean lacksPrivilege(Throwable failure) {
        return hasState(failure, INSUFFICIENT_PRIVILEGE) || hasState(failure, NOT_THE_TABLES_OWNER);
    }

    /** Whether a failure comes from an SQL statement that failed with {@code sqlState}. */
    private static boolean hasState(Throwable failure, String sqlState) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof java.sql.SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * In {@link #sequence}'s write: the rotation's row (inserted when missing) locked, then the sequence named
     * there, none when this node's role may not use it, or a new one created and named.
     */
    private TicketSequence createdOrNamed(java.sql.Connection c, String rotation) throws java.sql.SQLException {
        jdbc.insertIgnoring(c, insertRotation, rotation, 0L);
        Object[] row = jdbc.one(c, lockRotation, rs -> new Object[] {rs.getLong(1), rs.getString(2),
                rs.getBoolean(3)}, rotation).orElseThrow();
        if (row[1] != null) { // named (and committed) while this node waited for the lock
            return named(rotation, (String) row[1], (Boolean) row[2]);
        }
        long number = jdbc.one(c, rotationNumber, rs -> rs.getLong(1)).orElseThrow();
        // a name made of the prefix and a number only: no user input in the DDL
        String name = jdbc.tables.name("ticket_seq_" + number);
        try (java.sql.Statement ddl = c.createStatement()) {
            // owned by the column that names it: dropped with the rotation table (a host's or crm bench's clean-up),
            // so a later migration of the prefix numbers its names from 1 again without finding one left over; only
            // the table's owner may link it (else 55000, taken as lacking the privilege)
            ddl.execute("CREATE SEQUENCE " + name + " AS bigint MINVALUE 0 START WITH " + (long) row[0]
                    + " OWNED BY " + jdbc.tables.name("assignment_rotation") + ".ticket_sequence");
        }
        jdbc.update(c, nameSequence, name, rotation);
        return new TicketSequence(Optional.of(name), true);
    }

    /** The owner a ticket picks. */
    private static UserId picked(long ticket, List<UserId> ownerByTicket) {
        if (ownerByTicket.isEmpty()) {
            throw new IllegalArgumentException("ownerByTicket needs at least one owner");
        }
        return ownerByTicket.get((int) Math.floorMod(ticket, (long) ownerByTicket.size()));
    }

    private static String[] owners(String rotation, List<UserId> ownerByTicket) {
        checkRotation(rotation);
        if (ownerByTicket.isEmpty()) {
            throw new IllegalArgumentException("ownerByTicket needs at least one owner");
        }
        return ownerByTicket.stream().map(UserId::value).toArray(String[]::new);
    }

    private static void checkRotation(String rotation) {
        Objects.requireNonNull(rotation, "rotation");
        if (rotation.isBlank() || rotation.length() > MAX_ROTATION) {
            throw new IllegalArgumentException("a rotation needs a name of 1 to " + MAX_ROTATION
                    + " characters, got '" + rotation + "'");
        }
    }

    private static void checkMember(String member) {
        Objects.requireNonNull(member, "member");
        if (member.isBlank() || member.length() > MAX_MEMBER) {
            throw new IllegalArgumentException("a member id has 1 to " + MAX_MEMBER + " characters, got '"
                    + member + "'");
        }
    }

    /** How this store takes rotation tickets: see {@link JdbcCrmStore#rotationTickets()}. */
    RotationTicketsInUse ticketMode() {
        if (dialect != Dialect.POSTGRESQL) {
            return RotationTicketsInUse.of(RotationTickets.ROW);
        }
        if (sequences) {
            return new RotationTicketsInUse(RotationTickets.SEQUENCE,
                    (int) sequenceOf.values().stream().filter(Optional::isEmpty).count());
        }
        if (strict) {
            return RotationTicketsInUse.of(RotationTickets.STRICT);
        }
        return RotationTicketsInUse.of(tickets == Tickets.AHEAD && !jdbc.tx.joinsHost() ? RotationTickets.AHEAD
                : RotationTickets.ROW);
    }

    /** The sequences this node remembers, by rotation (empty: tickets on the row): for tests. */
    Map<String, Optional<String>> sequencesRemembered() {
        return Map.copyOf(sequenceOf);
    }

    /** The statement that takes a ticket ahead ({@link #advanceAhead}), or null where none is taken: for tests. */
    String advanceAheadSql() {
        return advanceAhead;
    }

    /**
     * The archive of the rotation cursors, keyed by name: export and restore only. On PostgreSQL a rotation whose row
     * names a sequence is exported at the sequence's next value, read by the export's page query in the export's
     * transaction; as a sequence is not transactional, that value is the sequence's when the page is read, which may
     * be past the export's snapshot (tickets taken since): a restore from it may skip those turns but never hands out
     * a ticket twice. A row naming a sequence that does not exist (dropped by hand) fails the export naming the
     * rotation and the sequence.
     */
    JdbcArchive<RotationCursor> rotationArchive() {
        String name = dialect.binaryText("name");
        // on PostgreSQL a rotation whose row names a sequence is at the sequence's next value: the last one taken
        // plus one, or its start while none was taken (nothing but nextval ever moves it); to_regclass, not a cast,
        // so a sequence gone is a row the mapper refuses by name instead of a statement failing on 42P01
        String select = dialect != Dialect.POSTGRESQL ? "SELECT name, next_ticket FROM {assignment_rotation}"
                : "SELECT name, ticket_sequence, s.seqrelid IS NULL AS crm_sequence_gone, CASE WHEN ticket_sequence "
                + "IS NULL THEN next_ticket ELSE COALESCE(pg_sequence_last_value(s.seqrelid) + 1, s.seqstart) END "
                + "AS next_ticket FROM {assignment_rotation} "
                + "LEFT JOIN pg_sequence s ON s.seqrelid = to_regclass(ticket_sequence)";
        return new JdbcArchive<>(jdbc, "rotation", select,
                name + " > " + dialect.binaryText("?"), name, "name = ?",
                rs -> new RotationCursor(rs.getString("name"), cursor(rs)), RotationCursor::rotation,
                k -> new Object[]{k}, k -> new Object[]{k},
                (c, r) -> jdbc.update(c, jdbc.sql("INSERT INTO {assignment_rotation} (name, next_ticket) "
                        + "VALUES (?, ?)"), r.rotation(), r.nextTicket()));
    }

    /** A rotation's exported cursor from {@link #rotationArchive}'s row: refused when its sequence is gone. */
    private long cursor(java.sql.ResultSet rs) throws java.sql.SQLException {
        if (dialect == Dialect.POSTGRESQL && rs.getString("ticket_sequence") != null
                && rs.getBoolean("crm_sequence_gone")) {
            throw new IllegalStateException("rotation '" + rs.getString("name") + "' names the ticket sequence "
                    + rs.getString("ticket_sequence") + ", which does not exist (dropped by hand?): its cursor cannot "
                    + "be exported; assign or advance once through the rotation (a new sequence is made from the "
                    + "row's cursor), or set its ticket_sequence to NULL");
        }
        return rs.getLong("next_ticket");
    }

    /** The archive of the quota use, keyed by {@link QuotaUse#key()}: export and restore only. */
    JdbcArchive<QuotaUse> quotaArchive() {
        String member = dialect.binaryText("member_id");
        String insertQuota = jdbc.sql("INSERT INTO {assignment_quota} (member_id, quota_day, used_units) "
                + "VALUES (?, ?, ?)");
        return new JdbcArchive<>(jdbc, "quota use", "SELECT member_id, quota_day, used_units FROM {assignment_quota}",
                "(" + member + " > " + dialect.binaryText("?") + " OR (member_id = ? AND quota_day > ?))",
                member + ", quota_day", "member_id = ? AND quota_day = ?",
                rs -> new QuotaUse(rs.getString("member_id"), rs.getObject("quota_day", LocalDate.class),
                        rs.getInt("used_units")), QuotaUse::key,
                k -> new Object[]{quotaMember(k), quotaMember(k), quotaDay(k)},
                k -> new Object[]{quotaMember(k), quotaDay(k)},
                (c, q) -> jdbc.update(c, insertQuota, q.member(), q.day(), q.used()))
                .restoringAll((c, all) -> jdbc.batch(c, insertQuota, all, q -> new Object[]{q.member(), q.day(),
                        q.used()}));
    }

    /** The archive of the claims, keyed by {@link LeadClaim#key()}: export and restore only. */
    JdbcArchive<LeadClaim> claimArchive() {
        return new JdbcArchive<>(jdbc, "lead claim", "SELECT lead_id, lead_version FROM {assignment_claim}",
                "(lead_id > ? OR (lead_id = ? AND lead_version > ?))", "lead_id, lead_version",
                "lead_id = ? AND lead_version = ?",
                rs -> new LeadClaim(new LeadId(dialect.getUuid(rs, "lead_id")), rs.getLong("lead_version")),
                LeadClaim::key,
                k -> new Object[]{claimLead(k), claimLead(k), claimVersion(k)},
                k -> new Object[]{claimLead(k), claimVersion(k)},
                (c, l) -> jdbc.update(c, insertClaim, l.lead().value(), l.version()))
                .restoringAll((c, all) -> jdbc.batch(c, insertClaim, all, l -> new Object[]{l.lead().value(),
                        l.version()}));
    }

    private static String quotaMember(String key) {
        return key.substring(0, separator(key, '\u0001'));
    }

    private static LocalDate quotaDay(String key) {
        return LocalDate.parse(key.substring(separator(key, '\u0001') + 1));
    }

    private static UUID claimLead(String key) {
        return JdbcArchive.uuid(key.substring(0, separator(key, '/')));
    }

    private static long claimVersion(String key) {
        return Long.parseLong(key.substring(separator(key, '/') + 1));
    }

    private static int separator(String key, char separator) {
        int at = key.lastIndexOf(separator);
        if (at < 0) {
            throw new IllegalArgumentException("not an archive key of the assignment state: '" + key + "'");
        }
        return at;
    }
}
