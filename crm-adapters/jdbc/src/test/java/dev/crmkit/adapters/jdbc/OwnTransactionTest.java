package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.crmkit.adapters.jdbc.ScriptedH2.insert;
import static java.sql.Connection.TRANSACTION_READ_COMMITTED;
import static java.sql.Connection.TRANSACTION_REPEATABLE_READ;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OwnTransaction} on a real H2 connection that fails the calls it is told to ({@link ScriptedH2}): a commit
 * once after work that returns, a rollback and never a commit (also none by switching auto-commit back on) after
 * work that throws anything, the first error thrown unchanged with later failures suppressed by it, and the
 * connection's auto-commit and isolation level put back.
 */
class OwnTransactionTest {

    private final ScriptedH2 db = new ScriptedH2();

    @Test
    void run_commitsOnce_andPutsAutoCommitAndIsolationBack() throws SQLException {
        try (Connection c = db.connection()) {
            c.setTransactionIsolation(TRANSACTION_READ_COMMITTED);
            db.calls().clear();

            int[] seen = new int[2];
            String result = OwnTransaction.run(c, TRANSACTION_REPEATABLE_READ, own -> {
                insert(own, 1);
                seen[0] = own.getAutoCommit() ? 1 : 0;
                seen[1] = own.getTransactionIsolation();
                return "done";
            });

            assertEquals("done", result);
            assertArrayEquals(new int[] {0, TRANSACTION_REPEATABLE_READ}, seen);
            assertEquals(List.of("setTransactionIsolation(" + TRANSACTION_REPEATABLE_READ + ")", "setAutoCommit(false)",
                    "commit", "setAutoCommit(true)", "setTransactionIsolation(" + TRANSACTION_READ_COMMITTED + ")"),
                    db.transactionCalls());
            assertEquals(List.of(1), db.committed());
            assertTrue(c.getAutoCommit());
            assertEquals(TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
        }
    }

    @Test
    void run_makesNoCallThatChangesNothing_whenTheConnectionIsAsAsked() throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(TRANSACTION_READ_COMMITTED);
            db.calls().clear();

            OwnTransaction.run(c, TRANSACTION_READ_COMMITTED, own -> {
                insert(own, 1);
                return null;
            });

            assertEquals(List.of("commit"), db.transactionCalls());
            assertFalse(c.getAutoCommit());
            assertEquals(List.of(1), db.committed());
        }
    }

    @Test
    void run_rollsBackAnError_andCommitsNothing() throws SQLException {
        StackOverflowError error = new StackOverflowError("thrown by the work");
        try (Connection c = db.connection()) {
            StackOverflowError thrown = assertThrows(StackOverflowError.class, () -> OwnTransaction.run(c, own -> {
                insert(own, 1);
                throw error;
            }));

            assertSame(error, thrown);
            assertEquals(0, db.count("commit"));
            assertEquals(List.of("setAutoCommit(false)", "rollback", "setAutoCommit(true)"), db.transactionCalls());
            assertEquals(List.of(), db.committed());
            assertTrue(c.getAutoCommit());
        }
    }

    @Test
    void run_rollsBackACheckedExceptionThrownSneakily_andThrowsItUnchanged() throws SQLException {
        IOException sneaky = new IOException("thrown sneakily by a lambda");
        try (Connection c = db.connection()) {
            IOException thrown = assertThrows(IOException.class, () -> OwnTransaction.run(c, own -> {
                insert(own, 1);
                throw ScriptedH2.sneaky(sneaky);
            }));

            assertSame(sneaky, thrown);
            assertEquals(List.of("setAutoCommit(false)", "rollback", "setAutoCommit(true)"), db.transactionCalls());
            assertEquals(List.of(), db.committed());
        }
    }

    @Test
    void run_keepsTheFirstError_withTheRollbacksFailureSuppressed_andLeavesTheTransactionUncommitted()
            throws SQLException {
        SQLException first = new SQLException("the work failed", "23505");
        SQLException rollback = new SQLException("the rollback failed", "08006");
        db.failing("rollback", rollback);
        try (Connection c = db.connection()) {
            SQLException thrown = assertThrows(SQLException.class, () -> OwnTransaction.run(c, own -> {
                insert(own, 1);
                throw first;
            }));

            assertSame(first, thrown);
            assertEquals(List.of(rollback), List.of(thrown.getSuppressed()));
            // switching auto-commit back on would commit the insert the rollback could not undo: left to close
            assertEquals(List.of("setAutoCommit(false)", "rollback"), db.transactionCalls());
            assertEquals(List.of(), db.committed());
        }
        assertEquals(List.of(), db.committed()); // closing ended the transaction without committing it
    }

    @Test
    void run_skipsWhatComesAfterTheRollback_whenTheRollbackFails() throws SQLException {
        SQLException first = new SQLException("the work failed");
        db.failing("rollback", new SQLException("the rollback failed"));
        boolean[] undone = {false};
        try (Connection c = db.connection()) {
            assertSame(first, assertThrows(SQLException.class, () -> OwnTransaction.run(c, OwnTransaction.AS_IS,
                    own -> {
                        insert(own, 1);
                        throw first;
                    }, undo -> undone[0] = true)));

            assertFalse(undone[0], "its commit would commit what the rollback could not undo");
            assertEquals(List.of("setAutoCommit(false)", "rollback"), db.transactionCalls());
        }
        assertEquals(List.of(), db.committed());
    }

    @Test
    void run_keepsTheFirstError_withTheRestoresFailuresSuppressed() throws SQLException {
        IllegalStateException first = new IllegalStateException("the work failed");
        SQLException autoCommit = new SQLException("auto-commit could not be restored");
        SQLException isolation = new SQLException("the isolation level could not be restored");
        db.failing("setAutoCommit(true)", autoCommit)
                .failing("setTransactionIsolation(" + TRANSACTION_READ_COMMITTED + ")", isolation);
        try (Connection c = db.connection()) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> OwnTransaction.run(c, TRANSACTION_REPEATABLE_READ, own -> {
                        insert(own, 1);
                        throw first;
                    }));

            assertSame(first, thrown);
            assertEquals(List.of(autoCommit, isolation), List.of(thrown.getSuppressed()));
            assertEquals(List.of("setTransactionIsolation(" + TRANSACTION_REPEATABLE_READ + ")", "setAutoCommit(false)",
                    "rollback", "setAutoCommit(true)", "setTransactionIsolation(" + TRANSACTION_READ_COMMITTED + ")"),
                    db.transactionCalls());
            assertEquals(List.of(), db.committed());
        }
    }

    @Test
    void run_throwsTheRestoresFailure_afterACommit_andStillTriesTheIsolationLevel() throws SQLException {
        SQLException autoCommit = new SQLException("auto-commit could not be restored");
        SQLException isolation = new SQLException("the isolation level could not be restored");
        db.failing("setAutoCommit(true)", autoCommit)
                .failing("setTransactionIsolation(" + TRANSACTION_READ_COMMITTED + ")", isolation);
        try (Connection c = db.connection()) {
            SQLException thrown = assertThrows(SQLException.class,
                    () -> OwnTransaction.run(c, TRANSACTION_REPEATABLE_READ, own -> {
                        insert(own, 1);
                        return null;
                    }));

            assertSame(autoCommit, thrown);
            assertEquals(List.of(isolation), List.of(thrown.getSuppressed()));
            assertEquals(1, db.count("commit"));
            assertEquals(List.of(1), db.committed());
        }
    }

    @Test
    void run_rollsBack_whenTheCommitFails() throws SQLException {
        SQLException commit = new SQLException("could not serialize access", "40001");
        db.failing("commit", commit);
        try (Connection c = db.connection()) {
            SQLException thrown = assertThrows(SQLException.class, () -> OwnTransaction.run(c, own -> {
                insert(own, 1);
                return null;
            }));

            assertSame(commit, thrown);
            assertEquals(List.of("setAutoCommit(false)", "commit", "rollback", "setAutoCommit(true)"),
                    db.transactionCalls());
            assertEquals(List.of(), db.committed());
        }
    }

    @Test
    void run_putsTheIsolationLevelBack_whenAutoCommitCannotBeSwitchedOff() throws SQLException {
        SQLException off = new SQLException("auto-commit could not be switched off");
        db.failing("setAutoCommit(false)", off);
        try (Connection c = db.connection()) {
            c.setTransactionIsolation(TRANSACTION_READ_COMMITTED);
            db.calls().clear();
            boolean[] ran = {false};

            SQLException thrown = assertThrows(SQLException.class,
                    () -> OwnTransaction.run(c, TRANSACTION_REPEATABLE_READ, own -> ran[0] = true));

            assertSame(off, thrown);
            assertFalse(ran[0]);
            assertEquals(TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
        }
    }

    @Test
    void run_commitsWhatComesAfterTheRollback_beforeRestoring() throws SQLException {
        IllegalStateException first = new IllegalStateException("the work failed");
        try (Connection c = db.connection()) {
            assertSame(first, assertThrows(IllegalStateException.class, () -> OwnTransaction.run(c,
                    OwnTransaction.AS_IS, own -> {
                        insert(own, 1);
                        throw first;
                    }, undo -> {
                        insert(undo, 2);
                        return null;
                    })));

            assertEquals(List.of("setAutoCommit(false)", "rollback", "commit", "setAutoCommit(true)"),
                    db.transactionCalls());
            assertEquals(List.of(2), db.committed());
        }
    }

    @Test
    void run_rollsBackWhatComesAfterTheRollback_whenItFails_keepingTheFirstError() throws SQLException {
        IllegalStateException first = new IllegalStateException("the work failed");
        SQLException undoing = new SQLException("the undo failed");
        try (Connection c = db.connection()) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> OwnTransaction.run(c,
                    OwnTransaction.AS_IS, own -> {
                        insert(own, 1);
                        throw first;
                    }, undo -> {
                        insert(undo, 2);
                        throw undoing;
                    }));

            assertSame(first, thrown);
            assertEquals(List.of(undoing), List.of(thrown.getSuppressed()));
            assertEquals(List.of("setAutoCommit(false)", "rollback", "rollback", "setAutoCommit(true)"),
                    db.transactionCalls());
            assertEquals(List.of(), db.committed());
        }
    }
}
