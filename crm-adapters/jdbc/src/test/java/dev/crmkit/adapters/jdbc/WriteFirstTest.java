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

    /**
     * A chunk's write in a caller's unit (its call joined the caller's): a failure must not roll back the caller's
     * transaction, whose row locks the caller still counts on after catching it (review of stop 30, finding 1).
     */
    @Test
    void mariadb_aFirstWriteInACallersUnit_keepsItsSavepoint_andTheCallersLocks() throws SQLException {
        DataSource ds = TestDatabase.MARIADB.isolated();
        try {
            JdbcCrmStore store = probed(ds);
            JdbcTransactions tx = store.jdbc().tx;
            try (Connection c = ds.getConnection()) {
                insert(c, 7);
            }

            store.transactions().run(() -> {
                tx.read(c -> {
                    try (var s = c.createStatement()) {
                        return s.executeQuery("SELECT n FROM write_first_probe WHERE n = 7 FOR UPDATE").next();
                    }
                });
                assertThrows(IllegalStateException.class, () -> store.transactions().run(() -> tx.writeFirst(c -> {
                    insert(c, 1);
                    throw new IllegalStateException("refused after its insert");
                })));
                assertEquals(false, lockableByAnother(ds, 7), "the caller's lock on row 7 is still held");
                tx.write(c -> insert(c, 2));
            });

            assertEquals(List.of(2, 7), rows(ds));
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** Whether another connection can lock row {@code n} at once (MariaDB's NOWAIT: an error if it is locked). */
    private static boolean lockableByAnother(DataSource ds, int n) {
        try (Connection other = ds.getConnection()) {
            other.setAutoCommit(false);
            try (var s = other.createStatement()) {
                s.executeQuery("SELECT n FROM write_first_probe WHERE n = " + n + " FOR UPDATE NOWAIT").close();
                return true;
            } catch (SQLException locked) {
                return false;
            } finally {
                other.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
