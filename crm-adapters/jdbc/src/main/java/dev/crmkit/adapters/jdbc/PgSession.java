package dev.crmkit.adapters.jdbc;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What pgjdbc knows of a connection's session on the server. Only where pgjdbc is the driver of the connection, of
 * the classes crmkit sees ({@link PgTimes#AVAILABLE}; through any pool's wrapper); elsewhere nothing is known.
 * Stateless.
 */
final class PgSession {

    private PgSession() {
    }

    /**
     * Whether the server reported the connection outside any transaction: with auto-commit off, pgjdbc sends
     * {@code BEGIN} only with the first statement, so nothing of a unit of work begun on it was sent yet. False when
     * it is not known.
     */
    static boolean idle(Connection c) throws SQLException {
        return PgTimes.AVAILABLE && c.isWrapperFor(BaseConnection.class)
                && c.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    }
}
