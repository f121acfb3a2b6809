package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.DomainEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes domain events to the outbox table on the connection of the unit of work that published them, in one JDBC
 * batch, so they commit or roll back with the change they describe. {@link OutboxRelay} reads them through the other
 * methods here, on a connection whose transaction it manages.
 */
final class Outbox {

    /** The key of the one row of the relay lock table. */
    static final String LOCK_NAME = "outbox_relay";

    /** Events written by one statement. */
    private static final int ROWS_AT_ONCE = 1000;

    private final Dialect dialect;
    private final JsonCodec json;
    private final String insert;
    private final String lock;
    private final String takeLease;
    private final String leaseHolder;
    /** On PostgreSQL, the {@code COPY} that writes a unit of work's events at once. */
    private final Optional<String> copy;
    private final String releaseLease;
    private final String lockExists;
    private final String createLock;
    private final String pending;
    private final String markDelivered;
    private final String purge;
    private final String countPending;

    Outbox(Dialect dialect, Tables tables, JsonCodec json) {
        this.dialect = dialect;
        this.json = json;
        this.insert = tables.sql("INSERT INTO {outbox} (aggregate_id, event_type, occurred_at, payload) VALUES (?, ?, ?, "
                + dialect.json() + ")");
        this.copy = dialect == Dialect.POSTGRESQL ? PgCopy.copyOf(insert) : Optional.empty();
        this.lock = tables.sql("SELECT holder, leased_at, lease_millis, " + dialect.now()
                + " AS db_now FROM {outbox_relay_lock} WHERE name = ? FOR UPDATE SKIP LOCKED");
        this.takeLease = tables.sql("UPDATE {outbox_relay_lock} SET holder = ?, leased_at = " + dialect.now()
                + ", lease_millis = ? WHERE name = ?");
        this.leaseHolder = tables.sql("SELECT holder FROM {outbox_relay_lock} WHERE name = ?");
        this.releaseLease = tables.sql("UPDATE {outbox_relay_lock} SET holder = NULL, leased_at = NULL "
                + "WHERE name = ? AND holder = ?");
        this.lockExists = tables.sql("SELECT COUNT(*) FROM {outbox_relay_lock} WHERE name = ?");
        this.createLock = dialect.insertIgnoring(tables.name("outbox_relay_lock"), 1, "name");
        this.pending = tables.sql("SELECT seq, aggregate_id, event_type, occurred_at, payload FROM {outbox} "
                + "WHERE delivered_at IS NULL ORDER BY seq LIMIT ");
        this.markDelivered = tables.sql("UPDATE {outbox} SET delivered_at = ? WHERE seq = ? AND delivered_at IS NULL");
        this.purge = tables.sql("DELETE FROM {outbox} WHERE delivered_at IS NOT NULL AND delivered_at < ?");
        this.countPending = tables.sql("SELECT COUNT(*) FROM {outbox} WHERE delivered_at IS NULL");
    }

    /** The insert of one event: aggregate id, event type, time, payload (the values of {@link #rows}). */
    String insertSql() {
        return insert;
    }

    /** The events as the values of {@link #insertSql}, in the order given. */
    List<Object[]> rows(List<DomainEvent> events) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            rows.add(new Object[] {event.aggregateId(), event.getClass().getName(), event.occurredAt(),
                    json.event(event)});
        }
        return rows;
    }

    /** Appends the events, in the order given, to the outbox. */
    void append(Connection connection, List<DomainEvent> events) throws SQLException {
        List<Object[]> rows = rows(events);
        if (copy.isPresent() && events.size() >= PgCopy.MIN_ROWS && PgCopy.copy(connection, copy.get(), rows)) {
            return;
        }
        if (dialect == Dialect.MARIADB && rows.size() > 1) {
            // one JDBC batch, which MariaDB Connector/J sends as one bulk command (see Jdbc#insertRows): a chunk's
            // events in one round trip, parsed once, however many there are
            try (PreparedStatement ps = connection.prepareStatement(insert)) {
                for (Object[] event : rows) {
                    bind(ps, 0, event);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return;
        }
        int row = insert.lastIndexOf(" VALUES (") + " VALUES ".length();
        for (int from = 0, to; from < rows.size(); from = to) {
            // one multi-row statement for a chunk's events: one execution in the database, whatever the driver;
            // cut by size too, so a statement fits the server's packet (MariaDB's max_allowed_packet)
            to = Jdbc.statementEnd(rows, from, ROWS_AT_ONCE);
            List<Object[]> part = rows.subList(from, to);
            String sql = insert.substring(0, row)
                    + String.join(", ", java.util.Collections.nCopies(part.size(), insert.substring(row)));
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int i = 0;
                for (Object[] event : part) {
                    i = bind(ps, i, event);
                }
                ps.executeUpdate();
            }
        }
    }

    /** Binds an event's row after parameter {@code at}; returns the last parameter bound. */
    private int bind(PreparedStatement ps, int at, Object[] event) throws SQLException {
        ps.setString(at + 1, (String) event[0]);
        ps.setString(at + 2, (String) event[1]);
        dialect.setInstant(ps, at + 3, (Instant) event[2]);
        ps.setString(at + 4, (String) event[3]);
        return at + 4;
    }

    /**
     * Locks the relay's lock row for the rest of the connection's transaction, without waiting, and reads the lease
     * it holds: empty when another transaction holds the row (or the row is missing, see {@link #lockRowExists}).
     */
    Optional<Lease> lockLease(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(lock)) {
            ps.setString(1, LOCK_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Lease(Optional.ofNullable(rs.getString("holder")),
                        Optional.ofNullable(dialect.getInstant(rs, "leased_at")), rs.getLong("lease_millis"),
                        dialect.getInstant(rs, "db_now")));
            }
        }
    }

    /** Who holds the lease now (a plain read: it does not wait for a lock). */
    Optional<String> leaseHolder(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(leaseHolder)) {
            ps.setString(1, LOCK_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Gives the lease to a holder from the database's time now on, on the row {@link #lockLease} locked. */
    void takeLease(Connection connection, String holder, Duration length) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(takeLease)) {
            ps.setString(1, holder);
            ps.setLong(2, length.toMillis());
            ps.setString(3, LOCK_NAME);
            ps.executeUpdate();
        }
    }

    /** Frees the lease if the holder still has it. */
    void releaseLease(Connection connection, String holder) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(releaseLease)) {
            ps.setString(1, LOCK_NAME);
            ps.setString(2, holder);
            ps.executeUpdate();
        }
    }

    /**
     * The relay lease as the lock row holds it, with the database's time when it was read.
     *
     * @param holder   the relay that holds it, if any
     * @param leasedAt when it was taken, in the database's time
     * @param millis   how long it lasts from then
     * @param now      the database's time when it was read
     */
    record Lease(Optional<String> holder, Optional<Instant> leasedAt, long millis, Instant now) {

        /** Whether a relay may take it: nobody holds it, the relay itself does, or the holder's lease ran out. */
        boolean freeFor(String relay) {
            return holder.isEmpty() || holder.get().equals(relay) || leasedAt.isEmpty()
                    || !now.isBefore(leasedAt.get().plusMillis(millis));
        }
    }

    /** Whether the lock row exists (a plain read: it does not wait for a lock). */
    boolean lockRowExists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(lockExists)) {
            ps.setString(1, LOCK_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /** Puts the lock row back if something deleted it; a row that is there already is left alone. */
    void createLockRow(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(createLock)) {
            ps.setString(1, LOCK_NAME);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!dialect.isDuplicateKey(e)) { // H2's MERGE may lose a race this way: the row is there, as wanted
                throw e;
            }
        }
    }

    /** Up to {@code max} undelivered events, oldest (lowest seq) first. */
    List<OutboxMessage> pending(Connection connection, int max) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(pending + max)) {
            try (ResultSet rs = ps.executeQuery()) {
                List<OutboxMessage> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new OutboxMessage(rs.getLong("seq"), rs.getString("aggregate_id"),
                            rs.getString("event_type"), dialect.getInstant(rs, "occurred_at"),
                            dialect.getJson(rs, "payload"), json));
                }
                return out;
            }
        }
    }

    /** Marks events delivered at a time; events already marked keep their time. */
    void markDelivered(Connection connection, List<Long> seqs, Instant at) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(markDelivered)) {
            for (long seq : seqs) {
                dialect.setInstant(ps, 1, at);
                ps.setLong(2, seq);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Deletes the events delivered before a time and returns how many. */
    int purgeDelivered(Connection connection, Instant olderThan) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(purge)) {
            dialect.setInstant(ps, 1, olderThan);
            return ps.executeUpdate();
        }
    }

    /** How many events wait for delivery. */
    long countPending(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(countPending); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
