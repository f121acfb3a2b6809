package dev.crmkit.adapters.jdbc;

import org.h2.jdbcx.JdbcConnectionPool;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test JVM leaves on the MariaDB server, which outlives it: the databases {@link TestDatabase#MARIADB} made and
 * the node users {@link Backends} made. One shutdown hook removes them all: it first closes this JVM's pools on them
 * (a pooled session must not hold a lock a {@code DROP DATABASE} waits for), then drops them one after the other on
 * one connection, with a lock wait of a few seconds at most.
 *
 * <p>Why one hook: a hook per database and per user (the earlier way) started hundreds of threads at exit, each with a
 * connection of its own, all dropping at once on a 2-core machine; surefire gives a fork 30 s after
 * {@code System.exit} and then kills it, hooks half-way, so every fork lost 30 s and left databases behind.
 */
final class ServerLeftovers {

    /** How long the hook's statements wait for a lock another session holds, in seconds. */
    private static final int LOCK_WAIT_SECONDS = 5;

    private static final List<String> DATABASES = new ArrayList<>();
    private static final List<String> USERS = new ArrayList<>();
    private static final List<JdbcConnectionPool> POOLS = new ArrayList<>();
    private static boolean hooked;

    private ServerLeftovers() {
    }

    /** A database this JVM created, to drop when it ends. */
    static synchronized void database(String name) {
        if (!DATABASES.contains(name)) {
            DATABASES.add(name);
        }
        hook();
    }

    /** A user this JVM created, to drop when it ends. */
    static synchronized void user(String name) {
        if (!USERS.contains(name)) {
            USERS.add(name);
        }
        hook();
    }

    /** A pool on a MariaDB database, to close before its database is dropped. */
    static synchronized void pool(JdbcConnectionPool pool) {
        POOLS.add(pool);
        hook();
    }

    private static void hook() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(ServerLeftovers::dropAll, "drop-mariadb-leftovers"));
        }
    }

    /** Closes the pools, then drops the databases and users; prints what it did and how long it took. */
    static synchronized void dropAll() {
        long started = System.nanoTime();
        POOLS.forEach(JdbcConnectionPool::dispose);
        POOLS.clear();
        int dropped = 0;
        List<String> statements = new ArrayList<>();
        DATABASES.forEach(d -> statements.add("DROP DATABASE IF EXISTS " + d));
        USERS.forEach(u -> statements.add("DROP USER IF EXISTS '" + u + "'@'%'"));
        try (Connection c = DriverManager.getConnection(TestDatabase.mariaDbUrl()); Statement s = c.createStatement()) {
            s.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
            for (String statement : statements) {
                try {
                    s.execute(statement);
                    dropped++;
                } catch (SQLException e) {
                    System.err.println("[ServerLeftovers] " + statement + " failed: " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            if (!statements.isEmpty()) {
                System.err.println("[ServerLeftovers] MariaDB unreachable at exit: " + e.getMessage());
            }
        }
        DATABASES.clear();
        USERS.clear();
        System.err.println("[ServerLeftovers] " + dropped + " of " + statements.size() + " drops in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
