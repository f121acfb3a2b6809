package dev.crmkit.examples.cli;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of a test's own on the MariaDB server of {@code CRM_TEST_MARIADB_URL} (default 127.0.0.1:3306, root
 * without a password), created for the test and dropped after it. The test is skipped when the server is unreachable,
 * unless {@code CRM_REQUIRE_DATABASES=true}.
 */
public final class ScratchMariaDb {

    /** What a test does in the database. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the test.
         *
         * @param url   the database's JDBC URL, without user
         * @param admin a statement of root's on the server, for checks
         * @throws Exception what the test throws
         */
        void run(String url, Statement admin) throws Exception;
    }

    private ScratchMariaDb() {
    }

    /**
     * Runs {@code body} in a new database named {@code database} (a plain name), dropped afterwards.
     *
     * @param database the database's name
     * @param body     the test
     * @throws Exception what the test throws
     */
    public static void run(String database, Body body) throws Exception {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a plain database name: " + database);
        }
        String server = System.getenv().getOrDefault("CRM_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        String base = server.substring(0, server.lastIndexOf('/') + 1);
        Connection admin;
        try {
            admin = DriverManager.getConnection(base + "?user=root&password=");
        } catch (SQLException unreachable) {
            Assumptions.assumeTrue("true".equals(System.getenv("CRM_REQUIRE_DATABASES")),
                    "MariaDB unreachable at " + base + ": " + unreachable.getMessage());
            throw unreachable;
        }
        try (admin; Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
            try {
                body.run(base + database, s);
            } finally {
                s.execute("DROP DATABASE " + database);
            }
        }
    }
}
