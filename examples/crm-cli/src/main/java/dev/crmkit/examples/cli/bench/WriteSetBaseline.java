package dev.crmkit.examples.cli.bench;

import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.core.activity.ActivityEvent;
import dev.crmkit.core.assignment.AssignmentEvent;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The second assignment baseline of {@code crm bench scoring}: <em>the write set by hand</em>, the rows one
 * round-robin assignment of crmkit writes (as read from PostgreSQL's log with {@code log_min_duration_statement = 0}
 * and in {@code docs/performance/assignment-model}), written in plain JDBC in one transaction with one round trip per
 * lead. Per lead:
 * <ol>
 *   <li>the rotation ticket: the next value of a database sequence of the baseline's own ({@link #sequence()},
 *       created from 0 before its pass by {@link #createSequence} and dropped after it by {@link #dropSequence}), so
 *       its tickets run 0, 1, 2, ... over all threads and the counts per person differ by at most one;</li>
 *   <li>the claim: a row {@code (lead_id, lead_version)} in {@code assignment_claim};</li>
 *   <li>the owner write: {@code owner_id}, {@code version + 1} and {@code updated_at} of the lead at its version, the
 *       owner being the team member at {@code ticket mod 7}, picked by the database from the ticket;</li>
 *   <li>the timeline entry: one {@code activity} row of type {@code SYSTEM} with crmkit's subject, body and
 *       {@code about} list, and its two {@code activity_about} rows (the lead's and its contact's);</li>
 *   <li>the outbox: three rows with crmkit's event types and payloads of the same size ({@code LeadOwnerChanged} and
 *       {@code LeadAssigned} on the lead, {@code ActivityLogged} on the activity), as for a lead assigned from no
 *       owner, the case crmkit's pass measures ({@code "from": null}).</li>
 * </ol>
 * What is left out is what crmkit does beyond those rows: the read of the lead, its alias and open checks, the policy,
 * the savepoints, the ticket's separate transaction of tickets ahead, and building the events. The ticket comes from a
 * sequence, not from crmkit's upsert of a shared {@code assignment_rotation} row, because a sequence is the cheapest
 * correct ticket: it hands out each number once without a row lock, where the upsert inside the one transaction would
 * hold that row's lock until the commit's flush and make every thread wait for the others' commits (crmkit's own
 * default on PostgreSQL also takes its ticket from a sequence per rotation; strict rotation locks the row). The
 * owner's name and
 * the ticket go into the subject, body and payloads by the database ({@code replace} of {@value #OWNER} and
 * {@value #TICKET} in the texts), so no second round trip is needed for them.
 * <p>On PostgreSQL the whole write set is one statement (data-modifying common table expressions), sent in
 * auto-commit: one round trip and one transaction with its commit. On MariaDB, which has no data-modifying common
 * table expressions, it is one compound statement ({@code BEGIN NOT ATOMIC ... END}: {@code START TRANSACTION} ...
 * {@code COMMIT}): one round trip, all or nothing, as its handler rolls the transaction back on any failure, and an
 * owner write that finds the lead moved on raises one; the ticket and owner pass from statement to statement in
 * session variables. The batch's statements carry their values as literals: they are the benchmark's
 * own UUIDs, numbers, times and team names, never user input (a quote or backslash in one is refused).
 * <p>Not thread-safe per connection; one instance serves every thread, each with its own connection.
 */
final class WriteSetBaseline {

    /** The name of the baseline's ticket sequence after the tables' prefix; crmkit's rotations are not touched. */
    static final String SEQUENCE = "write_set_ticket";

    /** Stands for the owner's id in the texts; replaced by the database. */
    static final String OWNER = "#owner#";

    /** Stands for the ticket in the texts; replaced by the database. */
    static final String TICKET = "#ticket#";

    /** On MariaDB, the SQLState the write set raises when the lead is not at its version (after rolling back). */
    private static final String STALE = "45000";

    /** The kinds of rows counted: the tickets the sequence handed out, then the rows per table. */
    static final List<String> ROW_KINDS = List.of("tickets", "claims", "activities", "aboutRows", "outboxRows");

    private static final DateTimeFormatter MARIADB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final Dialect dialect;
    private final String prefix;
    private final List<String> team;
    private final String teamName;
    private final String sequence;
    private final String postgresSql;

    /**
     * A baseline for one database.
     *
     * @param dialect  PostgreSQL or MariaDB
     * @param prefix   the tables' prefix
     * @param team     the members' ids in the rotation's order
     * @param teamName the team's name, as in crmkit's texts
     * @throws IllegalArgumentException for another database
     */
    WriteSetBaseline(Dialect dialect, String prefix, List<String> team, String teamName) {
        if (!supports(dialect)) {
            throw new IllegalArgumentException("the write set by hand is written on PostgreSQL or MariaDB, not "
                    + dialect);
        }
        this.dialect = dialect;
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.team = List.copyOf(team);
        this.teamName = Objects.requireNonNull(teamName, "teamName");
        this.sequence = prefix + SEQUENCE;
        this.team.forEach(WriteSetBaseline::literal);
        literal(teamName);
        this.postgresSql = "WITH t AS (SELECT nextval('" + sequence + "') AS n), "
                + "o AS (SELECT n, CAST(n AS text) AS ticket, (CAST(? AS text[]))[CAST(mod(n, ?) AS int) + 1] AS owner "
                + "FROM t), "
                + "c AS (INSERT INTO " + prefix + "assignment_claim (lead_id, lead_version) VALUES (?, ?)), "
                + "u AS (UPDATE " + prefix + "lead x SET owner_id = o.owner, version = x.version + 1, updated_at = ? "
                + "FROM o WHERE x.id = ? AND x.version = ? RETURNING x.id), "
                + "a AS (INSERT INTO " + prefix + "activity (id, activity_type, subject, body, direction, occurred_at, "
                + "participants, about, owner_id, visibility, recorded_at, outcome, duration_seconds, "
                + "participants_keyed) SELECT ?, 'SYSTEM', " + filled("?") + ", " + filled("?") + ", 'INTERNAL', ?, "
                + "CAST('[]' AS jsonb), CAST(? AS jsonb), NULL, 'PUBLIC', ?, NULL, NULL, true FROM o), "
                + "b AS (INSERT INTO " + prefix + "activity_about (record_type, record_id, occurred_at, activity_id, "
                + "activity_type, visibility, owner_id) VALUES ('CONTACT', ?, ?, ?, 'SYSTEM', 'PUBLIC', NULL), "
                + "('LEAD', ?, ?, ?, 'SYSTEM', 'PUBLIC', NULL)), "
                + "e AS (INSERT INTO " + prefix + "outbox (aggregate_id, event_type, occurred_at, payload) "
                + "SELECT ?, ?, ?, CAST(" + filled("?") + " AS jsonb) FROM o UNION ALL "
                + "SELECT ?, ?, ?, CAST(" + filled("?") + " AS jsonb) FROM o UNION ALL "
                + "SELECT ?, ?, ?, CAST(? AS jsonb)) "
                + "SELECT (SELECT count(*) FROM u), n FROM o";
    }

    /** Whether the write set by hand is written on that database: PostgreSQL and MariaDB. */
    static boolean supports(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL || dialect == Dialect.MARIADB;
    }

    /** The texts of one assignment, with {@value #OWNER} and {@value #TICKET} left for the database. */
    record Texts(String subject, String body, String about, String ownerChanged, String assigned, String logged) {
    }

    /** The texts crmkit writes for assigning that lead, with that activity id, at that time, from no owner. */
    Texts texts(Lead lead, UUID activity, Instant at) {
        String id = lead.id().value().toString();
        String contact = lead.contactId().value().toString();
        String when = at.toString();
        String reason = OWNER + " picked by round robin ticket " + TICKET + " of team " + teamName;
        return new Texts("Lead assigned to " + OWNER + " by round-robin",
                "No routing rule matched: default team " + teamName + ". round-robin: " + reason + ".",
                "[\"lead:" + id + "\", \"contact:" + contact + "\"]",
                "{\"leadId\": {\"value\": \"" + id + "\"},\"from\": null,\"to\": {\"value\": \"" + OWNER
                        + "\"},\"occurredAt\": \"" + when + "\"}",
                "{\"leadId\": {\"value\": \"" + id + "\"},\"from\": null,\"to\": {\"value\": \"" + OWNER
                        + "\"},\"explanation\": {\"rule\": null,\"team\": \"" + teamName + "\",\"skipped\": [],"
                        + "\"strategy\": \"round-robin\",\"reason\": \"" + reason + "\"},\"occurredAt\": \"" + when
                        + "\"}",
                "{\"activityId\": {\"value\": \"" + activity + "\"},\"type\": \"SYSTEM\",\"about\": [{\"type\": "
                        + "\"LEAD\",\"id\": \"" + id + "\"},{\"type\": \"CONTACT\",\"id\": \"" + contact
                        + "\"}],\"occurredAt\": \"" + when + "\"}");
    }

    /**
     * Writes the whole write set of assigning that lead, in one transaction and one round trip.
     *
     * @param c        a connection in auto-commit
     * @param lead     the lead as stored now, at its version
     * @param activity the id of the timeline entry
     * @param at       when
     * @throws IllegalStateException when the lead was not at its version (nothing is written then)
     * @throws SQLException          when a statement fails (nothing is written then either)
     */
    void write(Connection c, Lead lead, UUID activity, Instant at) throws SQLException {
        Texts texts = texts(lead, activity, at);
        long written = dialect == Dialect.POSTGRESQL ? writeOnPostgres(c, lead, activity, at, texts)
                : writeOnMariaDb(c, lead, activity, at, texts);
        if (written != 1) {
            throw new IllegalStateException("lead " + lead.id() + " is not at version " + lead.version());
        }
    }

    private long writeOnPostgres(Connection c, Lead lead, UUID activity, Instant at, Texts texts)
            throws SQLException {
        UUID id = lead.id().value();
        UUID contact = lead.contactId().value();
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(postgresSql)) {
            int i = 0;
            ps.setArray(++i, c.createArrayOf("text", team.toArray()));
            ps.setInt(++i, team.size());
            ps.setObject(++i, id);
            ps.setLong(++i, lead.version());
            ps.setObject(++i, when);
            ps.setObject(++i, id);
            ps.setLong(++i, lead.version());
            ps.setObject(++i, activity);
            ps.setString(++i, texts.subject());
            ps.setString(++i, texts.body());
            ps.setObject(++i, when);
            ps.setString(++i, texts.about());
            ps.setObject(++i, when);
            for (UUID record : new UUID[] {contact, id}) {
                ps.setObject(++i, record);
                ps.setObject(++i, when);
                ps.setObject(++i, activity);
            }
            Object[][] events = {
                {id.toString(), LeadEvent.LeadOwnerChanged.class.getName(), texts.ownerChanged()},
                {id.toString(), AssignmentEvent.LeadAssigned.class.getName(), texts.assigned()},
                {activity.toString(), ActivityEvent.ActivityLogged.class.getName(), texts.logged()}};
            for (Object[] event : events) {
                ps.setString(++i, (String) event[0]);
                ps.setString(++i, (String) event[1]);
                ps.setObject(++i, when);
                ps.setString(++i, (String) event[2]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private long writeOnMariaDb(Connection c, Lead lead, UUID activity, Instant at, Texts texts)
            throws SQLException {
        String id = literal(lead.id().value().toString());
        String contact = literal(lead.contactId().value().toString());
        String act = literal(activity.toString());
        String when = literal(MARIADB_TIME.format(at));
        String owners = String.join(", ", team.stream().map(WriteSetBaseline::literal).toList());
        // one compound statement: a failed statement, or an owner write that finds the lead moved on, rolls the
        // whole write set back (the handler) before the error reaches the client; a pipelined batch of statements
        // would have run the ones after it, COMMIT included (review B-M2)
        String writeSet = "BEGIN NOT ATOMIC "
                + "DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END; "
                + "START TRANSACTION; "
                + "SET @crm_ticket = NEXT VALUE FOR " + sequence + "; "
                + "SET @crm_owner = ELT(MOD(@crm_ticket, " + team.size() + ") + 1, " + owners + "); "
                + "INSERT INTO " + prefix + "assignment_claim (lead_id, lead_version) VALUES (" + id + ", "
                + lead.version() + "); "
                + "UPDATE " + prefix + "lead SET owner_id = @crm_owner, version = version + 1, updated_at = "
                + when + " WHERE id = " + id + " AND version = " + lead.version() + "; "
                + "IF ROW_COUNT() <> 1 THEN SIGNAL SQLSTATE '" + STALE + "' SET MESSAGE_TEXT = 'the lead is not at "
                + "its version'; END IF; "
                + "INSERT INTO " + prefix + "activity (id, activity_type, subject, body, direction, "
                + "occurred_at, participants, about, owner_id, visibility, recorded_at, outcome, "
                + "duration_seconds, participants_keyed) VALUES (" + act + ", 'SYSTEM', "
                + filledOnMariaDb(texts.subject()) + ", " + filledOnMariaDb(texts.body()) + ", 'INTERNAL', "
                + when + ", '[]', " + literal(texts.about()) + ", NULL, 'PUBLIC', " + when + ", NULL, NULL, "
                + "TRUE); "
                + "INSERT INTO " + prefix + "activity_about (record_type, record_id, occurred_at, "
                + "activity_id, activity_type, visibility, owner_id) VALUES ('CONTACT', " + contact + ", "
                + when + ", " + act + ", 'SYSTEM', 'PUBLIC', NULL), ('LEAD', " + id + ", " + when + ", "
                + act + ", 'SYSTEM', 'PUBLIC', NULL); "
                + "INSERT INTO " + prefix + "outbox (aggregate_id, event_type, occurred_at, payload) VALUES ("
                + id + ", " + literal(LeadEvent.LeadOwnerChanged.class.getName()) + ", " + when + ", "
                + filledOnMariaDb(texts.ownerChanged()) + "), (" + id + ", "
                + literal(AssignmentEvent.LeadAssigned.class.getName()) + ", " + when + ", "
                + filledOnMariaDb(texts.assigned()) + "), (" + act + ", "
                + literal(ActivityEvent.ActivityLogged.class.getName()) + ", " + when + ", "
                + literal(texts.logged()) + "); "
                + "COMMIT; "
                + "END";
        try (Statement s = c.createStatement()) {
            s.execute(writeSet);
            return 1;
        } catch (SQLException e) {
            if (STALE.equals(e.getSQLState())) {
                return 0; // rolled back: nothing written
            }
            throw e;
        }
    }

    /** On PostgreSQL: a text parameter with the owner and ticket filled in from common table expression o. */
    private static String filled(String text) {
        return "replace(replace(" + text + ", '" + OWNER + "', o.owner), '" + TICKET + "', o.ticket)";
    }

    /** On MariaDB: a text literal with the owner and ticket filled in from the session's variables. */
    private static String filledOnMariaDb(String text) {
        return "REPLACE(REPLACE(" + literal(text) + ", '" + OWNER + "', @crm_owner), '" + TICKET
                + "', @crm_ticket)";
    }

    /** The baseline's ticket sequence: {@value #SEQUENCE} after the tables' prefix. */
    String sequence() {
        return sequence;
    }

    /**
     * Creates the baseline's ticket sequence, starting at 0 (one left by a broken run is dropped first). Before the
     * pass: the tickets it hands out are then exactly the pass's.
     */
    void createSequence(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SEQUENCE IF EXISTS " + sequence);
            s.execute("CREATE SEQUENCE " + sequence + " START WITH 0 MINVALUE 0 INCREMENT BY 1");
        }
    }

    /** Drops the baseline's ticket sequence, after its pass. */
    void dropSequence(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SEQUENCE IF EXISTS " + sequence);
        }
    }

    /**
     * How many tickets the sequence has handed out since {@link #createSequence}: on PostgreSQL from its
     * {@code last_value} and {@code is_called}, without taking one; on MariaDB, whose sequence keeps no count shared by
     * the sessions (its row shows the end of the cached range, {@code PREVIOUS VALUE} is the session's), as the next
     * value it hands out, which takes one: so read it once, after the pass, before {@link #dropSequence}.
     */
    long tickets(DataSource db) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT CASE WHEN is_called THEN last_value + 1 ELSE 0 END FROM " + sequence
                : "SELECT NEXT VALUE FOR " + sequence;
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The rows of the claim, activity, about and outbox tables, counted in the database: the kinds of
     * {@link #ROW_KINDS} after {@code tickets}, which the sequence counts ({@link #tickets}).
     *
     * @return {@code claims}, {@code activities}, {@code aboutRows}, {@code outboxRows}
     */
    static Map<String, Long> tableRows(DataSource db, String prefix) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT "
                + "(SELECT COUNT(*) FROM " + prefix + "assignment_claim), (SELECT COUNT(*) FROM " + prefix
                + "activity), (SELECT COUNT(*) FROM " + prefix + "activity_about), (SELECT COUNT(*) FROM " + prefix
                + "outbox)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (int i = 1; i < ROW_KINDS.size(); i++) {
                rows.put(ROW_KINDS.get(i), rs.getLong(i));
            }
            return rows;
        }
    }

    /**
     * The tickets ({@link #tickets}) and rows ({@link #tableRows}) a pass must add when the write sets of that many
     * leads are written, in the order of {@link #ROW_KINDS}.
     */
    static Map<String, Long> expectedRows(long leads) {
        long[] perLead = {1, 1, 1, 2, 3};
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int i = 0; i < ROW_KINDS.size(); i++) {
            rows.put(ROW_KINDS.get(i), perLead[i] * leads);
        }
        return rows;
    }

    /** A SQL string literal of one of the benchmark's own values, which never hold a quote or a backslash. */
    static String literal(String value) {
        if (value.indexOf('\'') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a value of the write set by hand must hold no quote or backslash: "
                    + value);
        }
        return "'" + value + "'";
    }
}
