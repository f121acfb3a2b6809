package dev.crmkit.adapters.jdbc;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * The server side of test connections: data sources whose connections carry the name of the application node they
 * belong to (PostgreSQL's {@code ApplicationName}; on MariaDB, whose connection attributes need the performance schema,
 * a database user of the node's own), so a test can kill one node's backends and leave the others alone, as an
 * operator or a failing network would.
 */
final class Backends {

    private static final Set<String> USERS = new HashSet<>();

    private Backends() {
    }

    /**
     * A pooled data source on a migrated database (see {@link TestDatabase#migratedDatabase()}) whose connections
     * belong to a node, with a lock-wait timeout set for each session when one is given.
     *
     * @param node        lower-case letters, digits and underscores: the node's name on the server
     * @param lockTimeout how long a statement waits for a lock, whole seconds on MariaDB; null for the default
     */
    static DataSource connect(TestDatabase db, String database, String node, Duration lockTimeout) {
        if (!node.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("not a node name: " + node);
        }
        try {
            if (db == TestDatabase.MARIADB) {
                // unpooled: H2's pool keeps a MariaDB connection the server killed (the driver reports no fatal
                // error to pools) and hands it out again and again; a production pool validates connections
                String user = mariaDbUser(database, node);
                return new MariaDbDataSource(TestDatabase.mariaDbUrl().replaceFirst("\\?.*$", "")
                        .replaceFirst("/[^/]*$", "/" + database) + "?user=" + user + "&password="
                        + (lockTimeout == null ? ""
                        : "&sessionVariables=innodb_lock_wait_timeout=" + Math.max(1, lockTimeout.toSeconds())));
            }
            JdbcConnectionPool pool = switch (db) {
                case POSTGRESQL -> {
                    PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
                    ds.setServerNames(new String[]{"localhost"});
                    ds.setPortNumbers(new int[]{TestDatabase.embeddedPostgresPort()});
                    ds.setDatabaseName(database);
                    ds.setUser("postgres");
                    ds.setApplicationName(node);
                    if (lockTimeout != null) {
                        ds.setOptions("-c lock_timeout=" + lockTimeout.toMillis());
                    }
                    yield JdbcConnectionPool.create(ds);
                }
                case MARIADB -> throw new IllegalStateException("unpooled, above");
                case H2 -> {
                    JdbcDataSource ds = new JdbcDataSource();
                    ds.setURL("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1"
                            + (lockTimeout == null ? "" : ";LOCK_TIMEOUT=" + lockTimeout.toMillis()));
                    yield JdbcConnectionPool.create(ds);
                }
            };
            pool.setMaxConnections(20);
            return pool;
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect node " + node + " to " + database, e);
        }
    }

    /** The server's id of a connection's backend: PostgreSQL's process id, MariaDB's connection id. */
    static long backendId(TestDatabase db, Connection c) throws SQLException {
        String sql = switch (db) {
            case POSTGRESQL -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
            case H2 -> "SELECT SESSION_ID()";
        };
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Kills one backend from an administrator's connection: {@code pg_terminate_backend}, MariaDB's {@code KILL}. */
    static void kill(TestDatabase db, long backendId) {
        try (Connection admin = admin(db); Statement s = admin.createStatement()) {
            switch (db) {
                case POSTGRESQL -> s.execute("SELECT pg_terminate_backend(" + backendId + ")");
                case MARIADB -> s.execute("KILL " + backendId);
                case H2 -> throw new UnsupportedOperationException("the tests kill backends on servers only");
            }
        } catch (SQLException e) {
            if (!(db == TestDatabase.MARIADB && e.getErrorCode() == 1094)) { // 1094: already gone
                throw new IllegalStateException("could not kill backend " + backendId, e);
            }
        }
    }

    /** Kills every backend of a node on a database; returns how many it killed. */
    static int killNode(TestDatabase db, String database, String node) {
        List<Long> ids = new ArrayList<>();
        String sql = switch (db) {
            case POSTGRESQL -> "SELECT pid FROM pg_stat_activity WHERE datname = ? AND application_name = ?";
            case MARIADB -> "SELECT id FROM information_schema.processlist WHERE db = ? AND user = ?";
            case H2 -> throw new UnsupportedOperationException("the tests kill backends on servers only");
        };
        try (Connection admin = admin(db); PreparedStatement ps = admin.prepareStatement(sql)) {
            ps.setString(1, database);
            ps.setString(2, db == TestDatabase.MARIADB ? mariaDbUser(database, node) : node);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the backends of node " + node, e);
        }
        ids.forEach(id -> kill(db, id));
        return ids.size();
    }

    private static Connection admin(TestDatabase db) throws SQLException {
        return switch (db) {
            case POSTGRESQL -> DriverManager.getConnection("jdbc:postgresql://localhost:"
                    + TestDatabase.embeddedPostgresPort() + "/postgres", "postgres", "");
            case MARIADB -> DriverManager.getConnection(TestDatabase.mariaDbUrl());
            case H2 -> throw new UnsupportedOperationException("the tests kill backends on servers only");
        };
    }

    /**
     * A MariaDB user of the node's own with every right on the database, dropped when the JVM ends
     * ({@link ServerLeftovers}).
     */
    private static synchronized String mariaDbUser(String database, String node) {
        String user = ("n" + Math.abs((long) database.hashCode()) + "_" + node);
        user = user.substring(0, Math.min(user.length(), 64));
        if (!USERS.add(user)) {
            return user;
        }
        try (Connection admin = admin(TestDatabase.MARIADB); Statement s = admin.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%'");
            s.execute("GRANT ALL PRIVILEGES ON " + database + ".* TO '" + user + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the MariaDB user of node " + node, e);
        }
        ServerLeftovers.user(user);
        return user;
    }
}
