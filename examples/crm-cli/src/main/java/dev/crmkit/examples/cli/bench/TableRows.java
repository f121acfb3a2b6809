package dev.crmkit.examples.cli.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a set of tables, read into memory, and written back with plain JDBC batch inserts: the raw baseline of
 * {@link JdbcBenchmark}. Values are read and bound by kind (JSON as text, times with their offset or as UTC local
 * times, everything else as the driver's object), so the rows written equal the rows read; columns the database fills
 * itself (identity columns) are left to it.
 */
final class TableRows {

    /** Rows per {@code executeBatch}. */
    static final int BATCH = 1_000;
    /** Rows per commit. */
    static final int COMMIT_EVERY = 5_000;

    private enum Kind { JSON, TIME_WITH_OFFSET, LOCAL_TIME, OTHER }

    private record Column(String name, Kind kind, int sqlType) {
    }

    private record Table(String name, List<Column> columns, List<Object[]> rows) {
    }

    private final List<Table> tables;

    private TableRows(List<Table> tables) {
        this.tables = tables;
    }

    /**
     * Reads every row of the tables with the prefix, except those in {@code skip} (suffixes after the prefix).
     *
     * @param jsonAsBytes whether JSON columns are read as UTF-8 bytes (H2) rather than as text
     */
    static TableRows read(Connection c, String prefix, Set<String> skip, boolean jsonAsBytes) throws SQLException {
        List<Table> tables = new ArrayList<>();
        for (String table : tablesWithPrefix(c, prefix)) {
            if (skip.contains(suffix(table, prefix))) {
                continue;
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Column> columns = new ArrayList<>();
                List<Integer> positions = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (meta.isAutoIncrement(i)) {
                        continue;
                    }
                    columns.add(new Column(meta.getColumnName(i), kind(meta, i), meta.getColumnType(i)));
                    positions.add(i);
                }
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int k = 0; k < row.length; k++) {
                        row[k] = value(rs, positions.get(k), columns.get(k).kind(), jsonAsBytes);
                    }
                    rows.add(row);
                }
                tables.add(new Table(table, columns, rows));
            }
        }
        return new TableRows(tables);
    }

    /**
     * The rows per table with the prefix, except those in {@code skip}, counted in the database, ordered as
     * {@link #counts} orders them.
     */
    static Map<String, Long> countsOf(javax.sql.DataSource dataSource, String prefix, Set<String> skip)
            throws SQLException {
        Map<String, Long> counted = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : tablesWithPrefix(c, prefix)) {
                if (!skip.contains(suffix(table, prefix))) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        counted.put(suffix(table, prefix), rs.getLong(1));
                    }
                }
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        counted.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The rows per table, by the table's name after the prefix in lower case. */
    Map<String, Long> counts(String prefix) {
        Map<String, Long> out = new LinkedHashMap<>();
        tables.stream().sorted((a, b) -> Integer.compare(b.rows().size(), a.rows().size()))
                .forEach(t -> out.put(suffix(t.name(), prefix), (long) t.rows().size()));
        return out;
    }

    /** The name of a (quoted) table after the prefix, in lower case: {@code contact}. */
    private static String suffix(String quotedTable, String prefix) {
        return quotedTable.replaceAll("^\\W+|\\W+$", "").toLowerCase(Locale.ROOT).substring(prefix.length());
    }

    /** Every row of every table. */
    long rows() {
        return tables.stream().mapToLong(t -> t.rows().size()).sum();
    }

    /**
     * Inserts every row into the same tables (fresh ones: nothing is checked) with plain {@code INSERT} statements in
     * JDBC batches of {@value #BATCH} rows, committing every {@value #COMMIT_EVERY} rows and at the end of a table.
     *
     * @param jsonPlaceholder how the dialect takes a JSON parameter given as text, for example {@code CAST(? AS jsonb)}
     */
    void insertAll(Connection c, String jsonPlaceholder) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Table t : tables) {
                insert(c, t, jsonPlaceholder);
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void insert(Connection c, Table t, String jsonPlaceholder) throws SQLException {
        if (t.rows().isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(t.name()).append(" (");
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < t.columns().size(); k++) {
            Column col = t.columns().get(k);
            sql.append(k == 0 ? "" : ", ").append(col.name());
            values.append(k == 0 ? "" : ", ").append(col.kind() == Kind.JSON ? jsonPlaceholder : "?");
        }
        sql.append(") VALUES (").append(values).append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int pending = 0;
            int uncommitted = 0;
            for (Object[] row : t.rows()) {
                for (int k = 0; k < row.length; k++) {
                    Column col = t.columns().get(k);
                    if (row[k] == null) {
                        ps.setNull(k + 1, col.kind() == Kind.JSON ? Types.VARCHAR : col.sqlType());
                    } else if (col.kind() == Kind.JSON) {
                        ps.setString(k + 1, (String) row[k]);
                    } else {
                        ps.setObject(k + 1, row[k]);
                    }
                }
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
                if (++uncommitted == COMMIT_EVERY) {
                    if (pending > 0) {
                        ps.executeBatch();
                        pending = 0;
                    }
                    c.commit();
                    uncommitted = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static Kind kind(ResultSetMetaData meta, int i) throws SQLException {
        String type = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        if (type.equals("json") || type.equals("jsonb")) {
            return Kind.JSON;
        }
        if (type.equals("timestamptz") || meta.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE) {
            return Kind.TIME_WITH_OFFSET;
        }
        if (meta.getColumnType(i) == Types.TIMESTAMP) {
            return Kind.LOCAL_TIME;
        }
        return Kind.OTHER;
    }

    private static Object value(ResultSet rs, int i, Kind kind, boolean jsonAsBytes) throws SQLException {
        return switch (kind) {
            case JSON -> {
                if (!jsonAsBytes) {
                    yield rs.getString(i);
                }
                byte[] bytes = rs.getBytes(i);
                yield bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
            }
            case TIME_WITH_OFFSET -> rs.getObject(i, OffsetDateTime.class);
            case LOCAL_TIME -> rs.getObject(i, LocalDateTime.class);
            case OTHER -> rs.getObject(i);
        };
    }

    /**
     * The tables of the connection's current schema whose names start with the prefix in any case (H2 keeps crmkit's
     * tables in upper case but Flyway's history table in lower case), each quoted as the database needs it.
     */
    static List<String> tablesWithPrefix(Connection c, String prefix) throws SQLException {
        return withPrefix(c, prefix, "TABLE", "BASE TABLE");
    }

    /** The sequences whose names start with the prefix (PostgreSQL's rotation ticket sequences), quoted. */
    static List<String> sequencesWithPrefix(Connection c, String prefix) throws SQLException {
        return withPrefix(c, prefix, "SEQUENCE");
    }

    private static List<String> withPrefix(Connection c, String prefix, String... types) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String quote = meta.getIdentifierQuoteString().strip();
        List<String> out = new ArrayList<>();
        try (ResultSet rs = meta.getTables(c.getCatalog(), schema(c), "%", types)) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (table.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    out.add(quote + table + quote);
                }
            }
        }
        return out;
    }

    private static String schema(Connection c) {
        try {
            return c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }
}
