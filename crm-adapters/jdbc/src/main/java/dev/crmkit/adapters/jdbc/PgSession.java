package dev.crmkit.adapters.jdbc;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What pgjdbc knows of a connection's session on the server. Only where pgjdbc is the driver of the connection, of
 * the classes crmkit sees ({@link PgTimes#AVAILABLE}; through any pool's wrapper); elsewhere nothing is known.
 * Stateless. It reads pgjdbc's internal API ({@code BaseConnection#getTransactionState}), which another pgjdbc line or
 * a trimmed copy may lack: what it needs is resolved once ({@link #KNOWN}), and any failure to ask reads as "not
 * known", never as a failure of the caller's unit of work (review 1 of stop 12, M3).
 */
final class PgSession {

    /** Whether pgjdbc's {@code BaseConnection#getTransactionState} is there to ask, with its {@code IDLE} state. */
    static final boolean KNOWN = known();

    private PgSession() {
    }

    /**
     * Whether the server reported the connection outside any transaction: with auto-commit off, pgjdbc sends
     * {@code BEGIN} only with the first statement, so nothing of a unit of work begun on it was sent yet. False when
     * it is not known: another driver, a wrapper that hides pgjdbc or fails to unwrap it, pgjdbc without that API.
     */
    static boolean idle(Connection c) {
        if (!KNOWN) {
            return false;
        }
        try {
            return c.isWrapperFor(BaseConnection.class)
                    && c.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
        } catch (SQLException | RuntimeException | LinkageError e) {
            return false; // only an optimisation asks: "not known" takes the path with BEGIN and COMMIT
        }
    }

    /**
     * Whether the server reported the connection inside a transaction (statements sent since its last commit or
     * rollback, auto-commit off). False when it is idle, or when it is not known (see {@link #idle}).
     */
    static boolean inTransaction(Connection c) {
        if (!KNOWN) {
            return false;
        }
        try {
            return c.isWrapperFor(BaseConnection.class)
                    && c.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
        } catch (SQLException | RuntimeException | LinkageError e) {
            return false; // not known: the caller's precondition stands unchecked, as on other drivers
        }
    }

    private static boolean known() {
        if (!PgTimes.AVAILABLE) {
            return false;
        }
        try {
            ClassLoader loader = PgSession.class.getClassLoader();
            Class<?> state = Class.forName("org.postgresql.core.TransactionState", false, loader);
            Class<?> connection = Class.forName("org.postgresql.core.BaseConnection", false, loader);
            return connection.getMethod("getTransactionState").getReturnType() == state && state.isEnum()
                    && java.util.Arrays.stream(state.getEnumConstants())
                    .anyMatch(constant -> "IDLE".equals(((Enum<?>) constant).name()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
