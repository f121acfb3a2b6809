package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.ValidationException;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A table of unique keys, each the primary key of a row that names the record holding it, which is what keeps the
 * keys unique across application nodes. A key is claimed with the dialect's insert-ignoring statement; insert-or-get
 * claims the candidate's keys first, in sorted order (so two nodes never wait on each other in a cycle), and returns
 * the record that holds one it could not claim; an update claims the keys it adds and gives up those it drops.
 * Thread-safe.
 */
final class KeyTable {

    /** Finds the record to return for a candidate that could not claim a key. */
    @FunctionalInterface
    interface Holder {
        UUID of(Connection c, String unclaimed) throws SQLException;
    }

    /** The refusal of an update that adds a key another record holds. */
    @FunctionalInterface
    interface Refusal {
        ValidationException of(String key, UUID owner);
    }

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String ownerColumn;
    private final String insertKey;
    private final String table;
    private final String keyColumn;
    private final String ownerOfKey;
    private final String keysOf;
    private final String deleteKey;

    /**
     * @param table       the key table
     * @param keyColumn   its primary key
     * @param ownerColumn the column naming the record that holds the key
     * @param lockKeysOf  whether reading a record's keys takes the dialect's locking read
     */
    KeyTable(Jdbc jdbc, String table, String keyColumn, String ownerColumn, boolean lockKeysOf) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        this.ownerColumn = ownerColumn;
        this.table = jdbc.tables.name(table);
        this.keyColumn = keyColumn;
        insertKey = dialect.insertIgnoring(jdbc.tables.name(table), 1, keyColumn, ownerColumn);
        ownerOfKey = jdbc.sql("SELECT " + ownerColumn + " FROM {" + table + "} WHERE " + keyColumn + " = ?")
                + dialect.lockingRead();
        keysOf = jdbc.sql("SELECT " + keyColumn + " FROM {" + table + "} WHERE " + ownerColumn + " = ?")
                + (lockKeysOf ? dialect.lockingRead() : "");
        deleteKey = jdbc.sql("DELETE FROM {" + table + "} WHERE " + keyColumn + " = ? AND " + ownerColumn + " = ?");
    }

    /** Claims a key for a record; false when another record holds it. */
    boolean claim(Connection c, String key, UUID owner) throws SQLException {
        return jdbc.insertIgnoring(c, insertKey, key, owner);
    }

    /**
     * Claims many keys, each for its record, with one multi-row insert-ignoring statement per thousand keys in sorted
     * order (H2, which has no multi-row insert-ignoring statement, in one JDBC batch): true when every key went in,
     * false when another record holds one of them (the caller then rolls the unit of work back).
     */
    boolean claimAtOnce(Connection c, SortedMap<String, UUID> claims) throws SQLException {
        List<Map.Entry<String, UUID>> all = List.copyOf(claims.entrySet());
        int claimed = 0;
        if (dialect == Dialect.H2) {
            try (PreparedStatement ps = c.prepareStatement(insertKey)) {
                for (Map.Entry<String, UUID> claim : all) {
                    jdbc.bind(ps, claim.getKey(), claim.getValue());
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) {
                    claimed += n;
                }
            } catch (BatchUpdateException e) {
                if (dialect.isDuplicateKey(e)) {
                    return false; // MERGE lost a race to a concurrent insert
                }
                throw e;
            }
            return claimed == all.size();
        }
        for (int from = 0; from < all.size(); from += 1000) {
            List<Map.Entry<String, UUID>> part = all.subList(from, Math.min(all.size(), from + 1000));
            String rows = String.join(", ", Collections.nCopies(part.size(), "(?, ?)"));
            String sql = dialect == Dialect.POSTGRESQL
                    ? "INSERT INTO " + table + " (" + keyColumn + ", " + ownerColumn + ") VALUES " + rows
                    + " ON CONFLICT DO NOTHING"
                    : "INSERT IGNORE INTO " + table + " (" + keyColumn + ", " + ownerColumn + ") VALUES " + rows;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Map.Entry<String, UUID> claim : part) {
                    jdbc.bind(ps, i++, claim.getKey());
                    jdbc.bind(ps, i++, claim.getValue());
                }
                claimed += ps.executeUpdate();
            }
        }
        return claimed == all.size();
    }

    /** The record holding a key, read with the dialect's locking read. */
    Optional<UUID> owner(Connection c, String key) throws SQLException {
        return jdbc.one(c, ownerOfKey, rs -> dialect.getUuid(rs, ownerColumn), key);
    }

    /** The keys a record holds. */
    List<String> keysOf(Connection c, UUID owner) throws SQLException {
        return jdbc.list(c, keysOf, rs -> rs.getString(1), owner);
    }

    /** The statement of {@link #release}: its parameters are the key, then the record. */
    String releaseSql() {
        return deleteKey;
    }

    /** Gives up a key a record holds. */
    void release(Connection c, String key, UUID owner) throws SQLException {
        jdbc.update(c, deleteKey, key, owner);
    }

    /**
     * Claims a new record's keys in sorted order; throws {@link Claimed} with the holder of the first it cannot claim,
     * which rolls the insert back.
     */
    void claimAll(Connection c, Collection<String> keys, UUID id) throws SQLException {
        claimAll(c, keys, id, (cc, unclaimed) -> owner(cc, unclaimed).orElse(id));
    }

    /** As {@link #claimAll(Connection, Collection, UUID)}, with the holder to return found by {@code holder}. */
    void claimAll(Connection c, Collection<String> keys, UUID id, Holder holder) throws SQLException {
        for (String key : new TreeSet<>(keys)) {
            if (!claim(c, key, id)) {
                throw new Claimed(holder.of(c, key));
            }
        }
    }

    /**
     * Moves a record's claims to its new keys: gives up the keys it dropped and claims those it added, in sorted
     * order, refusing one another record holds.
     */
    void move(Connection c, UUID id, Collection<String> keys, Refusal refusal) throws SQLException {
        Set<String> before = new HashSet<>(keysOf(c, id));
        Set<String> after = new HashSet<>(keys);
        for (String gone : before) {
            if (!after.contains(gone)) {
                release(c, gone, id);
            }
        }
        for (String added : new TreeSet<>(after)) {
            if (!before.contains(added) && !claim(c, added, id)) {
                throw refusal.of(added, owner(c, added).orElse(null));
            }
        }
    }

    /**
     * Inserts a new record whose insert claims its keys with {@link #claimAll}, or returns the record holding a key it
     * could not claim, read with the dialect's locking read; claims again when the holder is gone in the meantime.
     */
    <T> T insertOrGet(SqlWork<T> insert, String selectById, Jdbc.RowMapper<T> mapper) {
        while (true) {
            try {
                return jdbc.tx.write(insert);
            } catch (Claimed claimed) {
                Optional<T> holder = jdbc.tx.read(c -> jdbc.one(c, selectById + dialect.lockingRead(), mapper,
                        claimed.owner));
                if (holder.isPresent()) {
                    return holder.get();
                }
                // the holder gave the key up in the meantime: claim again
            }
        }
    }

    /** Thrown inside an insert to roll its claims back when another record holds one of the keys. */
    private static final class Claimed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UUID owner;

        Claimed(UUID owner) {
            super(null, null, false, false);
            this.owner = owner;
        }
    }
}
