package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.crmkit.adapters.jdbc.ScriptedH2.insert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The transactions of their own that the JDBC adapter runs outside a unit of work go through {@link OwnTransaction}:
 * what they half wrote when something unchecked escaped (an {@link Error} included) is rolled back and never committed
 * by switching auto-commit back on, which each of them did before (on H2, as on pgjdbc and MariaDB's driver). A unit of
 * work whose rollback failed is likewise closed without switching auto-commit back on.
 */
class OwnTransactionCallersTest {

    private final ScriptedH2 db = new ScriptedH2();

    @Test
    void unitOfWork_whoseRollbackFails_keepsTheFirstError_andLeavesAutoCommitOff_soNothingIsCommitted() {
        assertRollbackFailureCommitsNothing(new ScriptedH2(), new SQLException("the rollback failed"));
        assertRollbackFailureCommitsNothing(new ScriptedH2(), new IllegalStateException("the pool closed it"));
    }

    private static void assertRollbackFailureCommitsNothing(ScriptedH2 scripted, Throwable rollback) {
        scripted.failing("rollback", rollback);
        JdbcTransactions tx = new JdbcTransactions(scripted.dataSource(), Dialect.H2, false, null);
        IllegalStateException first = new IllegalStateException("thrown by the work");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            tx.write(c -> {
                insert(c, 1);
                return null;
            });
            throw first;
        }));

        assertEquals(List.of(), scripted.committed()); // the connection closed with its transaction open: rolled back
        assertSame(first, thrown);
        assertEquals(List.of(rollback), List.of(thrown.getSuppressed()));
        assertEquals(List.of("setAutoCommit(false)", "rollback"), scripted.transactionCalls());
    }

    @Test
    void campaignTransaction_rollsBackAnError_andCommitsNothing() {
        AssertionError error = new AssertionError("thrown by the work");

        assertSame(error, assertThrows(AssertionError.class, () -> CampaignSql.inTransaction(db.dataSource(),
                "a campaign write", c -> {
                    assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
                    insert(c, 1);
                    throw error;
                })));

        assertEquals(0, db.count("commit"));
        assertEquals(List.of(), db.committed());
        // H2 is at READ COMMITTED already (as PostgreSQL is): no SET of the level, and none back (2 round trips less)
        assertEquals(List.of("setAutoCommit(false)", "rollback", "setAutoCommit(true)"), db.transactionCalls());
    }

    @Test
    void fillInBatches_keepsTheBatchesBefore_andRollsBackTheOneThatThrowsUnchecked() {
        IllegalStateException failure = new IllegalStateException("thrown by the second batch");
        int[] batches = {0};

        assertSame(failure, assertThrows(IllegalStateException.class, () -> NameKeyFill.inBatches(db.dataSource(),
                "could not fill", c -> {
                    insert(c, ++batches[0]);
                    if (batches[0] == 2) {
                        throw failure;
                    }
                    return 1;
                })));

        assertEquals(1, db.count("commit"));
        assertEquals(List.of(1), db.committed());
    }

    @Test
    void fillStageReach_rollsBackItsDelete_whenTheCommitThrowsAnError() {
        db.sql("CREATE TABLE crm_deal_stage_reach (pipeline_id UUID, deal_id UUID, reached VARCHAR(100))");
        db.sql("CREATE TABLE crm_stage_history (pipeline_id UUID, deal_id UUID, to_stage VARCHAR(100), "
                + "deal_version BIGINT)");
        db.sql("INSERT INTO crm_deal_stage_reach VALUES (RANDOM_UUID(), RANDOM_UUID(), '|lead|')");
        OutOfMemoryError error = new OutOfMemoryError("thrown by the commit");
        db.failing("commit", error);

        assertSame(error, assertThrows(OutOfMemoryError.class, () -> CrmSchema.fillStageReach(db.dataSource(),
                "crm_")));

        assertEquals(List.of("setAutoCommit(false)", "commit", "rollback", "setAutoCommit(true)"),
                db.transactionCalls());
        assertEquals(1, db.committedRows("crm_deal_stage_reach")); // the DELETE of the rebuild was rolled back
    }
}
