package dev.crmkit.examples.cli;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole content of a store's tables as one text, to compare a store before and after a command that must leave it
 * exactly as it was. Every table whose name starts with the prefix ({@code crm_} by default, including Flyway's
 * {@code crm_schema_history}) is dumped, tables by name, each row as {@code column=value} pairs in column order, rows
 * sorted by their text (so the order a database returns rows in does not matter). JSON values are written as their
 * text, other binary values in hex, SQL {@code NULL} as {@code NULL}; line breaks in values are escaped, so each row
 * is one line.
 *
 * <p>Reusable by any test: {@code StoreDump.h2(dir.resolve("crm"))} for an H2 file the {@code crm} program wrote with
 * {@code --jdbc-url jdbc:h2:file:...}, {@code StoreDump.of(url, user, password)} for another database, or
 * {@code StoreDump.of(dataSource)}. Dump while no {@code crm} run holds the file open.
 */
final class StoreDump {

    private StoreDump() {
    }

    /** The dump of the {@code crm_} tables of the H2 file database at {@code file} (without {@code .mv.db}). */
    static String h2(Path file) {
        return of("jdbc:h2:file:" + file.toAbsolutePath(), "", "");
    }

    /** The dump of the {@code crm_} tables of the database at the JDBC URL. */
    static String of(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return of(c, "crm_");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump " + url + ": " + e.getMessage(), e);
        }
    }

    /** The dump of the {@code crm_} tables of the data source's database. */
    static String of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return of(c, "crm_");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump the database: " + e.getMessage(), e);
        }
    }

    /** The dump of the tables whose names start with the prefix (ignoring case), in the connection's schema. */
    static String of(Connection c, String prefix) throws SQLException {
        StringBuilder dump = new StringBuilder();
        for (String table : tables(c, prefix)) {
            dump.append("== ").append(table.toLowerCase(Locale.ROOT)).append('\n');
            for (String row : rows(c, table)) {
                dump.append(row).append('\n');
            }
        }
        return dump.toString();
    }

    /** The lines of one dump that the other lacks and the reverse, for a failure message that fits on a screen. */
    static String difference(String before, String after) {
        if (before.equals(after)) {
            return ""; // the common case of the hostile-input tests, which compare thousands of dumps
        }
        List<String> was = before.lines().toList();
        List<String> is = after.lines().toList();
        // sets for the look-ups: a list's contains made this quadratic in the rows of a grown store
        Set<String> wasSet = new HashSet<>(was);
        Set<String> isSet = new HashSet<>(is);
        StringBuilder diff = new StringBuilder();
        was.stream().filter(line -> !isSet.contains(line)).forEach(line -> diff.append("- ").append(line).append('\n'));
        is.stream().filter(line -> !wasSet.contains(line)).forEach(line -> diff.append("+ ").append(line).append('\n'));
        return diff.toString();
    }

    private static List<String> tables(Connection c, String prefix) throws SQLException {
        TreeMap<String, String> byName = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        String catalog = c.getCatalog();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                    byName.put(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("no table starting with " + prefix + " (is it a crm store?)");
        }
        return new ArrayList<>(byName.values());
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        String quote = c.getMetaData().getIdentifierQuoteString().strip();
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote + table
                + quote)) {
            ResultSetMetaData meta = rs.getMetaData();
            String[] labels = new String[meta.getColumnCount()];
            boolean[] json = new boolean[labels.length];
            for (int i = 1; i <= labels.length; i++) {
                labels[i - 1] = (i == 1 ? "" : " | ") + meta.getColumnLabel(i).toLowerCase(Locale.ROOT) + "=";
                json[i - 1] = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT).startsWith("json");
            }
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= labels.length; i++) {
                    row.append(labels[i - 1]).append(value(rs, i, json[i - 1]));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String value(ResultSet rs, int column, boolean json) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return json ? escape(new String(bytes, StandardCharsets.UTF_8))
                    : "x'" + HexFormat.of().formatHex(bytes) + "'";
        }
        return escape(rs.getString(column));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
