package dev.crmkit.adapters.jdbc;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection of a store with a query timeout ({@link QueryTimeoutDataSource}) passes the calls crmkit makes on
 * every unit of work ({@code getAutoCommit}, {@code setAutoCommit}, {@code isWrapperFor} and {@code unwrap} of
 * {@link PgSession}) to the host's connection without allocating anything of its own: the reflective proxy it was
 * before made an argument array (and a {@code Method.invoke} frame's objects) for each. Counted by the JVM
 * ({@code com.sun.management.ThreadMXBean}) in a JVM of its own that only interprets ({@code -Xint}), so nothing is
 * hidden by the JIT and the count is the same on every run; compared with the same calls on the bare connection.
 */
class TimedConnectionAllocationTest {

    private static final int CALLS = 2_000;

    @Test
    void passedThroughCalls_allocateNothingBeyondTheDriver() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xint", "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, probe.waitFor(), out);
        String[] bytes = out.substring(out.lastIndexOf('\n') + 1).strip().split(" ");
        long bare = Long.parseLong(bytes[0]);
        long timed = Long.parseLong(bytes[1]);
        assertTrue(timed <= bare, "bytes allocated per round of calls: " + timed + " through the store's connection, "
                + bare + " on the bare one");
    }

    @Test
    void timedConnection_unwrapsToTheHostsConnection_andSetsTheTimeoutOnItsStatements() throws SQLException {
        DataSource timed = QueryTimeoutDataSource.wrap(h2(), Duration.ofSeconds(7));
        try (Connection c = timed.getConnection(); Connection other = timed.getConnection()) {
            Connection host = c.unwrap(org.h2.jdbc.JdbcConnection.class);
            assertNotEquals(c, host);
            assertSame(host, c.unwrap(Connection.class).unwrap(org.h2.jdbc.JdbcConnection.class));
            assertTrue(c.isWrapperFor(org.h2.jdbc.JdbcConnection.class));
            assertEquals(c, c);
            assertNotEquals(c, other);
            try (var s = c.createStatement(); var ps = c.prepareStatement("SELECT 1");
                 var call = c.prepareCall("SELECT 1")) {
                assertEquals(7, s.getQueryTimeout());
                assertEquals(7, ps.getQueryTimeout());
                assertEquals(7, call.getQueryTimeout());
            }
        }
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:timed_connection_" + System.nanoTime());
        return ds;
    }

    /** Prints the bytes allocated per round of calls on the bare connection, then on the store's connection. */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            DataSource bare = h2();
            DataSource timed = QueryTimeoutDataSource.wrap(bare, Duration.ofSeconds(30));
            try (Connection b = bare.getConnection(); Connection t = timed.getConnection()) {
                calls(b); // every class loaded before the count
                calls(t);
                System.out.println(bytesPerRound(b) + " " + bytesPerRound(t));
            }
        }

        private static long bytesPerRound(Connection c) throws SQLException {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(thread);
            calls(c);
            return (threads.getThreadAllocatedBytes(thread) - before) / CALLS;
        }

        private static void calls(Connection c) throws SQLException {
            for (int i = 0; i < CALLS; i++) {
                c.setAutoCommit(c.getAutoCommit());
                if (!c.isWrapperFor(Connection.class) || c.unwrap(Connection.class) == null) {
                    throw new IllegalStateException("not a connection: " + c);
                }
            }
        }
    }
}
