package dev.crmkit.adapters.jdbc;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The host's data source, handing out connections whose every statement carries a query timeout
 * ({@link Statement#setQueryTimeout}): the driver cancels a statement that runs longer (a lock held elsewhere, a
 * server that stopped answering a query) and the caller gets a failure instead of waiting without end. Everything else
 * goes to the host's connection unchanged ({@link TimedConnection}), so host transactions (Spring's
 * {@code TransactionAwareDataSourceProxy}) are joined as before.
 *
 * <p>On PostgreSQL the driver's timeout costs a timer task per execution (pgjdbc schedules it on its shared
 * {@code Timer} and purges it after), ~3% of the CPU samples of a move. The server's {@code statement_timeout} is not
 * used instead: set for the session it would stay on the host's pooled connection (limiting the host's own
 * statements, or replacing the host's own setting) unless reset, a round trip more per connection; set for the
 * transaction ({@code SET LOCAL}) it needs a round trip per unit and a transaction, which a unit of one statement in
 * auto-commit (a held move) does not have. Neither limit helps on a silent network (the driver's cancel goes to the
 * same server on a new connection): the host's socket timeout covers that.
 */
final class QueryTimeoutDataSource implements DataSource {

    private final DataSource target;
    private final int seconds;

    private QueryTimeoutDataSource(DataSource target, int seconds) {
        this.target = target;
        this.seconds = seconds;
    }

    /** The data source with the timeout on every statement, or the data source itself for a zero timeout. */
    static DataSource wrap(DataSource target, Duration timeout) {
        int seconds = seconds(timeout);
        return seconds == 0 ? target : new QueryTimeoutDataSource(target, seconds);
    }

    /**
     * The whole seconds a JDBC query timeout is given in, rounded up: 0 is none.
     *
     * @throws IllegalArgumentException if negative or more than {@link Integer#MAX_VALUE} seconds
     */
    static int seconds(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("queryTimeout must not be negative: " + timeout);
        }
        long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        if (seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("queryTimeout must be at most " + Integer.MAX_VALUE + " s: " + timeout);
        }
        return (int) seconds;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return timed(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return timed(target.getConnection(username, password));
    }

    private Connection timed(Connection connection) {
        return new TimedConnection(connection, seconds);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int loginSeconds) throws SQLException {
        target.setLoginTimeout(loginSeconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    /**
     * This data source when it is a {@code type} ({@link DataSource} itself: so the timeout stays on), else the host's
     * data source or what it unwraps to: as {@link #isWrapperFor} answers.
     */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return type.isInstance(target) ? type.cast(target) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || type.isInstance(target) || target.isWrapperFor(type);
    }
}
