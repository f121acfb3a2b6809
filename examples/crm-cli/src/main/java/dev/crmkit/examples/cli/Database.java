package dev.crmkit.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.adapters.jdbc.CrmSchema;
import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;

import javax.sql.DataSource;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A database the {@code crm} program works on: a HikariCP pool on a JDBC URL, with crmkit's tables migrated, and the
 * JDBC store on it. Closing it closes the pool. Failures to open it are one-line messages naming the URL with any
 * password masked. Every driver gets time limits ({@link DriverTimeouts}) and every statement the store's query
 * timeout, so a server that stops answering ends in an error, not a hang.
 */
final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String url;
    private final String prefix;
    private final JdbcCrmStore store;
    private final long sizeAtOpen;

    private Database(HikariDataSource pool, String url, String prefix, JdbcCrmStore store) {
        this.pool = pool;
        this.sizeAtOpen = H2Compaction.applies(url) ? H2Compaction.fileSize(pool) : 0;
        this.url = url;
        this.prefix = prefix;
        this.store = store;
    }

    /**
     * The URL was not one a bundled driver takes: a bad argument, not a failure of the database.
     */
    static final class BadUrlException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadUrlException(String message) {
            super(message);
        }
    }

    /**
     * Opens a pool on the URL, brings crmkit's tables with the prefix up to date, and builds the store.
     *
     * @throws BadUrlException          if the URL is not a JDBC URL any bundled driver accepts
     * @throws IllegalStateException    if the database cannot be reached or its tables cannot be migrated, naming
     *                                  the URL with the password masked
     */
    static Database open(String url, Optional<String> user, Optional<String> password, String prefix) {
        return open(url, user, password, prefix, true);
    }

    /**
     * Opens the database as {@link #open(String, Optional, Optional, String)} does; without {@code outbox} the store
     * writes no outbox rows, for a database no {@link dev.crmkit.adapters.jdbc.OutboxRelay} ever reads.
     */
    static Database open(String url, Optional<String> user, Optional<String> password, String prefix,
                         boolean outbox) {
        Objects.requireNonNull(url, "url");
        String shown = mask(url);
        HikariDataSource pool = pool(url, user, password);
        try {
            CrmSchema.migrate(pool, prefix);
            return new Database(pool, url, prefix, JdbcCrmStore.builder(pool).tablePrefix(prefix).outbox(outbox)
                    .build());
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot prepare crmkit's tables (" + prefix + "*) in " + shown + ": "
                    + mask(rootMessage(e)), e);
        }
    }

    /**
     * A pool on the URL, connected once: an unreachable database fails here.
     *
     * @throws BadUrlException       if the URL is not a JDBC URL any bundled driver accepts
     * @throws IllegalStateException if the database cannot be reached, naming the URL with the password masked
     */
    static HikariDataSource pool(String url, Optional<String> user, Optional<String> password) {
        String shown = mask(url);
        if (!url.startsWith("jdbc:")) {
            throw new BadUrlException("'" + shown + "' is not a JDBC URL; give one like "
                    + "jdbc:postgresql://localhost:5432/crm or jdbc:mariadb://localhost:3306/crm");
        }
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new BadUrlException("no bundled JDBC driver takes " + shown
                    + " (crm speaks jdbc:postgresql:, jdbc:mariadb: and jdbc:h2:)");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("crm");
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1); // one attempt at start: an unreachable database is reported at once
        DriverTimeouts.forUrl(url).forEach(config::addDataSourceProperty);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to " + shown + ": " + (timedOut(e)
                    ? "no answer within " + DriverTimeouts.connectionLimit(url).toSeconds() + " s ("
                    + mask(rootMessage(e)) + "); is a database server listening there?"
                    : mask(rootMessage(e))), e);
        }
    }

    /** Whether a failure to connect was a time limit running out: the server took the connection and kept silent. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof SQLTimeoutException
                    || (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("timed out"))) {
                return true;
            }
        }
        return false;
    }

    /** The store on the database. */
    JdbcCrmStore store() {
        return store;
    }

    /** The pool. */
    DataSource dataSource() {
        return pool;
    }

    /** The dialect of the database. */
    Dialect dialect() {
        return store.dialect();
    }

    /** The table prefix. */
    String prefix() {
        return prefix;
    }

    /** The URL with any password in it masked. */
    String shownUrl() {
        return mask(url);
    }

    /** The database product and version, for example {@code PostgreSQL 16.4}. */
    String product() {
        return product(pool);
    }

    /** The database product and version of a data source, for example {@code PostgreSQL 16.4}. */
    static String product(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "the database";
        }
    }

    /** Closes the pool; an H2 file database of the program is compacted first when it is mostly dead pages. */
    @Override
    public void close() {
        if (H2Compaction.applies(url)) {
            H2Compaction.compactIfWasteful(pool, sizeAtOpen);
        }
        pool.close();
    }

    /** The text with the secrets of any URL in it hidden, by the URL's structure ({@link SecretRedaction}). */
    static String mask(String text) {
        return SecretRedaction.redact(text);
    }

    /** The innermost message of a failure, which names what went wrong (the outer ones only wrap it). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
