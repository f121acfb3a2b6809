package dev.crmkit.adapters.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * The SQL dialects the JDBC store speaks. Everything that differs between them (column types, how an id, a time or a
 * JSON document is bound, the insert-or-get statement, how a duplicate key is reported) is decided here, so the
 * repositories hold one SQL text per question.
 *
 * <p>Times are kept to the microsecond on every dialect (the finest PostgreSQL and MariaDB store), in UTC.
 */
public enum Dialect {

    /** PostgreSQL 13 or newer: {@code uuid}, {@code timestamptz}, {@code jsonb}, {@code ON CONFLICT DO NOTHING}. */
    POSTGRESQL("postgresql"),

    /** MariaDB 10.6 or newer: ids as ASCII text, {@code DATETIME(6)} in UTC, {@code JSON}, {@code INSERT IGNORE}. */
    MARIADB("mariadb"),

    /** H2 2.x, the embedded default: {@code UUID}, {@code TIMESTAMP WITH TIME ZONE}, {@code JSON}, {@code MERGE}. */
    H2("h2");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * The dialect of a connection's database.
     *
     * @throws IllegalArgumentException naming the product if it is none of the supported ones
     */
    public static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        String version = meta.getDatabaseProductVersion().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || version.contains("mariadb")) {
            return MARIADB;
        }
        if (product.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("the JDBC store supports PostgreSQL, MariaDB and H2, not "
                + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
    }

    /** The class-path folder of this dialect's Flyway migration scripts, for example {@code db/crmkit/postgresql}. */
    public String migrationsFolder() {
        return "db/crmkit/" + folder;
    }

    /** Binds an id. */
    void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, this == MARIADB ? Types.CHAR : Types.OTHER);
        } else if (this == MARIADB) {
            ps.setString(index, value.toString());
        } else {
            ps.setObject(index, value);
        }
    }

    /** Reads an id, or null. */
    UUID getUuid(ResultSet rs, String column) throws SQLException {
        if (this == MARIADB) {
            String text = rs.getString(column);
            return text == null ? null : UUID.fromString(text);
        }
        return rs.getObject(column, UUID.class);
    }

    /** Binds a time, or null. */
    void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, this == MARIADB ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (this == POSTGRESQL && PgTimes.binds(ps)) {
            ps.setObject(index, PgTimes.timestamptz(value)); // the same timestamptz parameter, see PgTimes
        } else {
            // from the epoch second at UTC: Instant.atOffset and LocalDateTime.ofInstant make the offset's ZoneRules
            // anew for every value, and a move binds seven times
            LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
            ps.setObject(index, this == MARIADB ? utc : OffsetDateTime.of(utc, ZoneOffset.UTC));
        }
    }

    /** Reads a time, or null. */
    Instant getInstant(ResultSet rs, String column) throws SQLException {
        if (this == MARIADB) {
            LocalDateTime t = rs.getObject(column, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        if (this == POSTGRESQL) {
            return PgTimes.read(rs, column);
        }
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The placeholder of a JSON parameter bound as text: {@code CAST(? AS jsonb)}, {@code ? FORMAT JSON} or {@code ?}. */
    String json() {
        return switch (this) {
            case POSTGRESQL -> "CAST(? AS jsonb)";
            case H2 -> "? FORMAT JSON";
            case MARIADB -> "?";
        };
    }

    /**
     * An expression that compares and orders text by its UTF-8 bytes (its code points), whatever the column's
     * collation: for keyset pages of text keys in the same order in every dialect.
     */
    String binaryText(String expression) {
        return switch (this) {
            case POSTGRESQL -> expression + " COLLATE \"C\"";
            case H2 -> "CAST(" + expression + " AS VARBINARY)";
            case MARIADB -> "CAST(" + expression + " AS BINARY)";
        };
    }

    /** Reads a JSON column as text, or null. */
    String getJson(ResultSet rs, String column) throws SQLException {
        if (this == H2) {
            byte[] bytes = rs.getBytes(column);
            return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return rs.getString(column);
    }

    /**
     * An insert of one row into a key table that does nothing when the key is taken: the statement's update count
     * is 1 when the row went in and 0 when the key was held (on H2 a lost race may instead raise a duplicate key,
     * see {@link #isDuplicateKey}). Only for key tables whose columns are bounded ids and keys: MariaDB's
     * {@code INSERT IGNORE} would turn other errors into warnings.
     *
     * @param table      the table, prefix included
     * @param keyColumns how many of the first columns make the key (1 for a single-column key)
     * @param columns    the columns, the key's first
     */
    String insertIgnoring(String table, int keyColumns, String... columns) {
        if (keyColumns < 1 || keyColumns > columns.length) {
            throw new IllegalArgumentException("keyColumns must be 1 to " + columns.length + ": " + keyColumns);
        }
        String cols = String.join(", ", columns);
        String params = "?" + ", ?".repeat(columns.length - 1);
        return switch (this) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + cols + ") VALUES (" + params
                    + ") ON CONFLICT DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO " + table + " (" + cols + ") VALUES (" + params + ")";
            case H2 -> {
                StringBuilder s = new StringBuilder("MERGE INTO ").append(table).append(" t USING (VALUES (")
                        .append(params).append(")) s(").append(cols).append(") ON ");
                for (int i = 0; i < keyColumns; i++) {
                    s.append(i == 0 ? "" : " AND ").append("t.").append(columns[i]).append(" = s.")
                            .append(columns[i]);
                }
                s.append(" WHEN NOT MATCHED THEN INSERT (").append(cols).append(") VALUES (");
                for (int i = 0; i < columns.length; i++) {
                    s.append(i == 0 ? "" : ", ").append("s.").append(columns[i]);
                }
                yield s.append(")").toString();
            }
        };
    }

    /**
     * The clause that makes a SELECT a locking read, which sees the latest committed row even under MariaDB's
     * REPEATABLE READ snapshot: used where insert-or-get looks up the record that won a race.
     */
    String lockingRead() {
        return switch (this) {
            case POSTGRESQL -> " FOR SHARE";
            case MARIADB -> " LOCK IN SHARE MODE";
            case H2 -> "";
        };
    }

    /**
     * The database's current time as an SQL expression, read from the server's clock when the statement runs (not
     * the transaction's start), in the type times are stored in: the one clock every node of a cluster shares.
     */
    String now() {
        return switch (this) {
            case POSTGRESQL -> "clock_timestamp()";
            case MARIADB -> "UTC_TIMESTAMP(6)";
            case H2 -> "CURRENT_TIMESTAMP"; // the transaction's start: the relay's lease claims run in short ones
        };
    }

    /** Whether a failure is a unique-key violation. */
    boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if ("23505".equals(state) || (this == MARIADB && x.getErrorCode() == 1062)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure is a deadlock or serialization failure, after which the whole unit of work may be rerun. A
     * lock-wait timeout is not one of them (see {@link #isLockTimeout}): rerunning would wait for the same lock again.
     */
    boolean isTransient(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if ("40001".equals(state) || "40P01".equals(state)
                    || (this == MARIADB && x.getErrorCode() == 1213)
                    || (this == H2 && x.getErrorCode() == 40001)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure is a lock-wait timeout: another session held a lock longer than the database lets a statement
     * wait for it (PostgreSQL {@code lock_timeout}, SQLState {@code 55P03}; MariaDB {@code innodb_lock_wait_timeout},
     * error 1205; H2 {@code LOCK_TIMEOUT}, error 50200).
     */
    boolean isLockTimeout(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ((this == POSTGRESQL && "55P03".equals(x.getSQLState()))
                    || (this == MARIADB && x.getErrorCode() == 1205)
                    || (this == H2 && x.getErrorCode() == 50200)) {
                return true;
            }
        }
        return false;
    }

    /** A keyset condition "after (time, id)" in ascending order over the given columns, binding time, time, id. */
    static String after(String timeColumn, String idColumn) {
        return "(" + timeColumn + " > ? OR (" + timeColumn + " = ? AND " + idColumn + " > ?))";
    }

    /** A keyset condition "before (time, id)" for descending pages, binding time, time, id. */
    static String before(String timeColumn, String idColumn) {
        return "(" + timeColumn + " < ? OR (" + timeColumn + " = ? AND " + idColumn + " < ?))";
    }
}
