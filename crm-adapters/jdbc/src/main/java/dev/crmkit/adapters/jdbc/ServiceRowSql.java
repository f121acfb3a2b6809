package dev.crmkit.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The insert, versioned update and select-by-id of one crm-service table, built from its column list (JSON columns
 * take the dialect's JSON placeholder), with the checks of {@link Jdbc.Versioned}. The id and version columns come
 * first in every table; the values of an insert are the id then the columns, of an update the columns then the id and
 * the expected version.
 */
final class ServiceRowSql {

    private final Jdbc jdbc;
    private final String noun;
    private final Jdbc.Versioned rows;
    final String insert;
    final String update;
    final String selectById;

    ServiceRowSql(Jdbc jdbc, String table, String noun, List<String> columns, Set<String> jsonColumns) {
        this.jdbc = jdbc;
        this.noun = noun;
        this.rows = new Jdbc.Versioned(jdbc, table, noun);
        String json = jdbc.dialect.json();
        String values = columns.stream().map(c -> jsonColumns.contains(c) ? json : "?")
                .collect(Collectors.joining(", "));
        insert = jdbc.sql("INSERT INTO {" + table + "} (id, version, " + String.join(", ", columns)
                + ") VALUES (?, 1, " + values + ")");
        String set = columns.stream().map(c -> c + " = " + (jsonColumns.contains(c) ? json : "?"))
                .collect(Collectors.joining(", "));
        update = jdbc.sql("UPDATE {" + table + "} SET version = version + 1, " + set + " WHERE id = ? AND version = ?");
        selectById = jdbc.sql("SELECT * FROM {" + table + "} WHERE id = ?");
    }

    /** Inserts a new row; a taken id is refused with an {@link IllegalArgumentException}. */
    void insert(Connection c, Object id, long version, Object[] values) throws SQLException {
        rows.checkNew(id, version);
        try {
            jdbc.update(c, insert, values);
        } catch (SQLException e) {
            if (jdbc.dialect.isDuplicateKey(e)) {
                throw new IllegalArgumentException(noun + " " + id + " is already stored", e);
            }
            throw e;
        }
    }

    /** Runs the versioned update; a stale version raises a StaleVersionException and changes nothing. */
    void update(Connection c, Object id, UUID key, long version, Object[] values) throws SQLException {
        rows.update(c, update, values, id, key, version);
    }
}
