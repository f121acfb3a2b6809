package dev.crmkit.adapters.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The connection handling crm-campaigns' JDBC stores share: one statement set in auto-commit, a read-committed
 * transaction retried when the database broke a lock conflict, and lock rows inserted once per key.
 */
final class CampaignSql {

    private static final int ATTEMPTS = 5;

    private CampaignSql() {
    }

    /** Runs the call on a connection in auto-commit; a failure names {@code what}. */
    static <T> T work(DataSource dataSource, String what, SqlCall<T> call) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return call.run(c);
        } catch (SQLException e) {
            throw new JdbcStoreException(what + " failed: " + e.getMessage(), e, false);
        }
    }

    /**
     * Runs the call in a read-committed transaction (each statement sees what was committed before it), again up to
     * five times when the database rolled it back to break a deadlock or a lock wait.
     */
    static <T> T inTransaction(DataSource dataSource, String what, SqlCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(dataSource, what, call);
            } catch (JdbcStoreException e) {
                if (attempt == ATTEMPTS || !(e.getCause() instanceof SQLException sql) || !lockConflict(sql)) {
                    throw e;
                }
            }
        }
    }

    private static <T> T once(DataSource dataSource, String what, SqlCall<T> call) {
        try {
            return OwnTransaction.run(dataSource, Connection.TRANSACTION_READ_COMMITTED, call::run);
        } catch (SQLException e) {
            throw new JdbcStoreException(what + " failed: " + e.getMessage(), e, false);
        }
    }

    /** A deadlock or lock wait the database resolved by rolling one side back: worth one more try. */
    private static boolean lockConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("40001") || state.equals("40P01") || state.startsWith("HYT"));
    }

    /**
     * Inserts the lock row of {@code key} (the values of the table's key columns) unless it is there; a row another
     * node inserted meanwhile is fine.
     */
    static void ensureLockRow(Connection c, String table, String[] columns, String... key) throws SQLException {
        String where = String.join(" = ? AND ", columns) + " = ?";
        String exists = "SELECT " + columns[0] + " FROM " + table + " WHERE " + where;
        if (found(c, exists, key)) {
            return;
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.length - 1) + "?)";
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            bind(ps, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!found(c, exists, key)) {
                throw e;
            }
        }
    }

    /** Locks the lock row of {@code key} until the transaction ends ({@code SELECT ... FOR UPDATE}). */
    static void lock(Connection c, String table, String[] columns, String... key) throws SQLException {
        String where = String.join(" = ? AND ", columns) + " = ?";
        if (!found(c, "SELECT " + columns[0] + " FROM " + table + " WHERE " + where + " FOR UPDATE", key)) {
            throw new SQLException("the lock row of " + String.join("/", key) + " in " + table + " is missing");
        }
    }

    private static boolean found(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void bind(PreparedStatement ps, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setString(i + 1, values[i]);
        }
    }

    /** Work on a connection. */
    @FunctionalInterface
    interface SqlCall<T> {
        /** Does the work. */
        T run(Connection c) throws SQLException;
    }
}
