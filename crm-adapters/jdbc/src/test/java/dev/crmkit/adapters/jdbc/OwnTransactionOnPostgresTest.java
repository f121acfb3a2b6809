package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OwnTransaction} on a PostgreSQL connection (review A-L8): one inside the caller's transaction is refused
 * before anything is done with it, so the caller's work is neither committed nor rolled back by it; one with
 * auto-commit off but outside any transaction (a pool's connection configured so) is used as before.
 */
class OwnTransactionOnPostgresTest {

    private DataSource[] nodes = new DataSource[0];

    @BeforeEach
    void scratchTable() throws SQLException {
        nodes = TestDatabase.POSTGRESQL.nodes(1);
        try (Connection c = nodes[0].getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE own_tx_probe (n int)");
        }
    }

    @AfterEach
    void closeNodes() {
        TestDatabase.close(nodes);
    }

    @Test
    void aConnectionInsideTheCallersTransaction_isRefused_andTheCallersWorkIsLeftToTheCaller() throws SQLException {
        try (Connection c = nodes[0].getConnection()) {
            c.setAutoCommit(false);
            insert(c, 1); // the caller's transaction, open
            List<String> ran = new ArrayList<>();

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> OwnTransaction.run(c,
                    own -> {
                        ran.add("work");
                        insert(own, 2);
                        return null;
                    }));

            assertTrue(refused.getMessage().contains("outside any transaction")
                    && refused.getMessage().contains("nothing was done"), refused.getMessage());
            assertEquals(List.of(), ran, "the work never ran");
            assertEquals(List.of(), committed(), "the caller's row not committed by it");
            assertFalse(c.getAutoCommit());
            assertEquals(List.of(1), rows(c), "the caller's transaction still open, its row in it");
            c.rollback();
        }
        assertEquals(List.of(), committed());
    }

    @Test
    void aConnectionWithAutoCommitOffOutsideAnyTransaction_isUsed() throws SQLException {
        try (Connection c = nodes[0].getConnection()) {
            c.setAutoCommit(false);

            OwnTransaction.run(c, own -> insert(own, 3));

            assertEquals(List.of(3), committed());
        }
    }

    private static int insert(Connection c, int n) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO own_tx_probe (n) VALUES (" + n + ")");
        }
    }

    /** The rows another session sees: what is committed. */
    private List<Integer> committed() throws SQLException {
        try (Connection other = nodes[0].getConnection()) {
            return rows(other);
        }
    }

    private static List<Integer> rows(Connection c) throws SQLException {
        List<Integer> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n FROM own_tx_probe ORDER BY n")) {
            while (rs.next()) {
                rows.add(rs.getInt(1));
            }
        }
        return rows;
    }
}
