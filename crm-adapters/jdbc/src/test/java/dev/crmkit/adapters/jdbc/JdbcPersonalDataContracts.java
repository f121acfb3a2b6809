package dev.crmkit.adapters.jdbc;

import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.privacy.PersonalDataContract;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The {@link PersonalDataContract} on the JDBC store: its dump is every row of every crmkit table, the tables read
 * from the database's metadata (so a table added by a later migration is covered without changing this test), each
 * column as text (JSON columns also as their bytes). Subclasses name the database.
 */
abstract class JdbcPersonalDataContracts extends PersonalDataContract {

    /** The database the contract runs against. */
    abstract TestDatabase database();

    @Override
    protected CrmkitStore newStore() {
        return database().freshStore();
    }

    @Override
    protected String dump(CrmkitStore store) {
        return dump(database());
    }

    /** Every row of every crmkit table of the database's shared store, as text. */
    static String dump(TestDatabase database) {
        StringBuilder out = new StringBuilder();
        try (Connection c = database.shared().getConnection(); Statement s = c.createStatement()) {
            for (String table : TestDatabase.tables(c, "crm_")) {
                out.append("== ").append(table.toLowerCase(Locale.ROOT)).append('\n');
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            out.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                            if (meta.getColumnTypeName(i).toLowerCase(Locale.ROOT).contains("json")) {
                                byte[] bytes = rs.getBytes(i);
                                out.append(bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8))
                                        .append(' ');
                            }
                        }
                        out.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
