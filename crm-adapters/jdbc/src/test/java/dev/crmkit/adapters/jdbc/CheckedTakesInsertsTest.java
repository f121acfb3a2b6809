package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checked statement that takes the inserts of a deferred write ({@link JdbcTransactions.Checked#takesInserts}) is
 * validated once where it is built: the inserts go in front of its common table expressions as {@code f0}, {@code f1},
 * ..., which a {@code WITH RECURSIVE} or an expression of the same name would make invalid on every move (review 1 of
 * stop 12, L3). No database.
 */
class CheckedTakesInsertsTest {

    @Test
    void aStatementThatCannotTakeInserts_isRefusedWhereItIsBuilt_namingTheRule() {
        for (String sql : List.of("SELECT 1", "WITH RECURSIVE u AS (SELECT 1) SELECT * FROM u",
                "with recursive u AS (SELECT 1) SELECT * FROM u", "WITH f0 AS (SELECT 1) SELECT * FROM f0",
                "WITH u AS (SELECT 1), f12 AS (SELECT 2) SELECT * FROM u, f12",
                "WITH u AS (SELECT 1),\n  \"f1\" as(SELECT 2) SELECT * FROM u")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> JdbcTransactions.Checked.takingInserts(sql), sql);
            assertTrue(e.getMessage().startsWith("sql: "), e.getMessage());
        }
    }

    @Test
    void aStatementThatCanTakeInserts_isKeptAsItIs() {
        String sql = "WITH u AS (UPDATE t SET v = 1 RETURNING id), h AS (INSERT INTO f0x SELECT id FROM u "
                + "RETURNING id), for1 AS (SELECT 1) SELECT CAST(CASE WHEN (SELECT count(*) FROM h) = 1 THEN '0' "
                + "ELSE 'crmkit-refused:stale' END AS integer)";
        assertEquals(sql, JdbcTransactions.Checked.takingInserts(sql));
    }
}
