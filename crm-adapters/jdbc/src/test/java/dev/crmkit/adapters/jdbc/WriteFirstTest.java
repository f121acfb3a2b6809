package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code JdbcTransactions.writeFirst} on MariaDB, the write a bulk capture chunk sends without a savepoint when its
 * unit wrote nothing before: a failure leaves nothing of it behind and the unit goes on; after another write of the
 * unit it runs under a savepoint, so a failure undoes only itself.
 */
class WriteFirstTest {

    @Test
    void mariadb_aFirstWriteThatFails_leavesNothing_andTheUnitGoesOnToCommit() {
        DataSource ds = TestDatabase.MARIADB.isolated();
        try {
            JdbcCrmStore store = probed(ds);
            JdbcTransactions tx = store.jdbc().tx;

            store.transactions().run(() -> {
                assertThrows(IllegalStateException.class, () -> tx.writeFirst(c -> {
                    insert(c, 1);
                    throw new IllegalStateException("refused after its insert");
                }));
                tx.write(c -> insert(c, 2));
            });

            assertEquals(List.of(2), rows(ds));
        } finally {
            TestDatabase.close(ds);
        }
    }

    @Test
    void mariadb_aFailingWriteAfterAnotherWriteOfTheUnit_undoesOnlyItself() {
        DataSource ds = TestDatabase.MARIADB.isolated();
        try {
            JdbcCrmStore store = probed(ds);
            JdbcTransactions tx = store.jdbc().tx;

            store.transactions().run(() -> {
                tx.write(c -> insert(c, 1));
                assertThrows(IllegalStateException.class, () -> tx.writeFirst(c -> {
                    insert(c, 2);
                    throw new IllegalStateException("refused after its insert");
                }));
                tx.writeFirst(c -> insert(c, 3));
            });

            assertEquals(List.of(1, 3), rows(ds));
        } finally {
            TestDatabase.close(ds);
        }
    }

    private static JdbcCrmStore probed(DataSource ds) {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE write_first_probe (n INT PRIMARY KEY) ENGINE=InnoDB");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return JdbcCrmStore.builder(ds).build();
    }

    private static int insert(Connection c, int n) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO write_first_probe (n) VALUES (?)")) {
            ps.setInt(1, n);
            return ps.executeUpdate();
        }
    }

    private static List<Integer> rows(DataSource ds) {
        try (Connection c = ds.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT n FROM write_first_probe ORDER BY n")) {
            List<Integer> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
