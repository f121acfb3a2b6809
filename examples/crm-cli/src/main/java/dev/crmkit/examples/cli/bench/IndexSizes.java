package dev.crmkit.examples.cli.bench;

import dev.crmkit.adapters.jdbc.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * How much disk the indexes of a table prefix take, as the database reports it: on PostgreSQL the primary key
 * indexes ({@code pg_relation_size}) and all indexes; on MariaDB (InnoDB) the clustered primary key, which holds the
 * rows ({@code DATA_LENGTH}), and the secondary indexes ({@code INDEX_LENGTH}), after {@code ANALYZE TABLE} so the
 * figures are current. H2 reports none.
 *
 * @param primaryKey what the primary keys take, in bytes
 * @param secondary  what the other indexes take (on PostgreSQL: all indexes, the primary keys included), in bytes
 * @param how        where the figures come from
 */
public record IndexSizes(long primaryKey, long secondary, String how) {

    /** Measures the tables whose names start with {@code prefix}; empty on H2. */
    static Optional<IndexSizes> measure(Connection c, Dialect dialect, String prefix) throws SQLException {
        String like = prefix.replace("_", "\\_") + "%";
        switch (dialect) {
            case POSTGRESQL:
                return Optional.of(sums(c, "SELECT COALESCE(SUM(CASE WHEN i.indisprimary THEN "
                        + "pg_relation_size(i.indexrelid) END), 0), COALESCE(SUM(pg_relation_size(i.indexrelid)), 0) "
                        + "FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE pg_table_is_visible(t.oid) "
                        + "AND t.relname LIKE '" + like + "'", "PostgreSQL: primary key indexes, all indexes "
                        + "(pg_relation_size)"));
            case MARIADB:
                try (Statement s = c.createStatement()) {
                    for (String table : TableRows.tablesWithPrefix(c, prefix)) {
                        s.execute("ANALYZE TABLE " + table);
                    }
                }
                return Optional.of(sums(c, "SELECT COALESCE(SUM(DATA_LENGTH), 0), COALESCE(SUM(INDEX_LENGTH), 0) "
                        + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE '"
                        + like + "'", "InnoDB: clustered primary keys with the rows (DATA_LENGTH), secondary "
                        + "indexes (INDEX_LENGTH)"));
            default:
                return Optional.empty();
        }
    }

    private static IndexSizes sums(Connection c, String sql, String how) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new IndexSizes(rs.getLong(1), rs.getLong(2), how);
        }
    }
}
