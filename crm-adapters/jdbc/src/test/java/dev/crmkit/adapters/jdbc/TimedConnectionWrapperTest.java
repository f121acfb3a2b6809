package dev.crmkit.adapters.jdbc;

import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.CommonDataSource;
import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's wrappers with a query timeout ({@link TimedConnection}, {@link QueryTimeoutDataSource}) answer
 * {@code isWrapperFor} and {@code unwrap} alike, as {@link Wrapper} asks: a type the wrapper is gives the wrapper itself
 * (so {@code unwrap(Connection.class)} keeps the timeout on), a type the host's object is (or wraps) gives that, and a
 * type neither is fails, after {@code isWrapperFor} said false.
 */
class TimedConnectionWrapperTest {

    private static final List<Class<?>> TYPES = List.of(Connection.class, DataSource.class, CommonDataSource.class,
            Wrapper.class, AutoCloseable.class, TimedConnection.class, QueryTimeoutDataSource.class,
            JdbcConnection.class, JdbcDataSource.class, org.postgresql.PGConnection.class, Statement.class, Proxy.class);

    @Test
    void timedConnection_unwrapsToItself_asAConnection_soItsStatementsKeepTheTimeout() throws SQLException {
        try (Connection c = QueryTimeoutDataSource.wrap(h2(), Duration.ofSeconds(7)).getConnection()) {
            Connection unwrapped = c.unwrap(Connection.class);

            assertSame(c, unwrapped);
            assertSame(c, c.unwrap(TimedConnection.class));
            try (Statement s = unwrapped.createStatement()) {
                assertEquals(7, s.getQueryTimeout());
            }
        }
    }

    @Test
    void timedConnection_isWrapperFor_exactlyWhatItUnwrapsTo() throws SQLException {
        try (Connection c = QueryTimeoutDataSource.wrap(h2(), Duration.ofSeconds(7)).getConnection()) {
            for (Class<?> type : TYPES) {
                assertAgree(c, type);
            }
            assertTrue(c.isWrapperFor(JdbcConnection.class)); // the host's: what the loop saw is not all refusals
            assertFalse(c.isWrapperFor(Statement.class));
        }
    }

    @Test
    void timedConnection_isWrapperFor_whatItUnwrapsTo_alsoWhenTheHostsConnectionUnderstates() throws SQLException {
        Connection stingy = understating(Connection.class); // a pool's proxy, say
        Connection c = new TimedConnection(stingy, 7);

        for (Class<?> type : TYPES) {
            assertAgree(c, type);
        }
        assertTrue(c.isWrapperFor(Proxy.class));
        assertSame(stingy, c.unwrap(Proxy.class));
    }

    @Test
    void queryTimeoutDataSource_unwrapsToItself_asADataSource_andIsWrapperFor_exactlyWhatItUnwrapsTo()
            throws SQLException {
        DataSource host = understating(DataSource.class);
        DataSource timed = QueryTimeoutDataSource.wrap(host, Duration.ofSeconds(7));

        assertSame(timed, timed.unwrap(DataSource.class));
        assertSame(host, timed.unwrap(Proxy.class));
        for (Class<?> type : TYPES) {
            assertAgree(timed, type);
        }
    }

    /** A host's object that says it wraps nothing and unwraps to nothing, though it is a {@link Proxy}. */
    private static <T> T understating(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isWrapperFor" -> false;
                    case "unwrap" -> throw new SQLException("not a wrapper");
                    case "toString" -> "a host's " + type.getSimpleName() + " that understates";
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
    }

    private static void assertAgree(Wrapper wrapper, Class<?> type) throws SQLException {
        if (wrapper.isWrapperFor(type)) {
            assertTrue(type.isInstance(wrapper.unwrap(type)), wrapper + " unwraps to a " + type.getSimpleName());
        } else {
            assertThrows(SQLException.class, () -> wrapper.unwrap(type),
                    wrapper + " is no wrapper for " + type.getSimpleName() + ", yet unwraps to one");
        }
    }

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:timed_wrapper_" + System.nanoTime());
        return ds;
    }
}
