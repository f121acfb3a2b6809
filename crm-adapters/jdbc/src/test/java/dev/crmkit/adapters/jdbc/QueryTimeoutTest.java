package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A statement that waits without end (here for a table lock another session holds) is cancelled after the store's
 * query timeout and fails, instead of hanging its caller. The 60-second bound only guards against a hang; it is not a
 * performance assertion.
 */
class QueryTimeoutTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final List<DataSource> opened = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        opened.forEach(OutboxRelayTest::release);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void readBlockedByATableLock_failsAfterTheQueryTimeout(TestDatabase db) throws SQLException {
        DataSource ds = db.isolated();
        opened.add(ds);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).queryTimeout(Duration.ofSeconds(1)).build();
        ContactId someone = ContactId.parse(UUID.randomUUID().toString());

        try (Connection blocker = ds.getConnection(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute(db == TestDatabase.POSTGRESQL ? "LOCK TABLE crm_contact IN ACCESS EXCLUSIVE MODE"
                    : "LOCK TABLES crm_contact WRITE");

            RuntimeException failure = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assertThrows(RuntimeException.class, () -> store.contacts().findById(someone)));

            assertTrue(failure instanceof JdbcStoreException, failure.toString());
            if (db == TestDatabase.MARIADB) {
                s.execute("UNLOCK TABLES");
            }
            blocker.rollback();
        }
        assertTrue(store.contacts().findById(someone).isEmpty(), "the store works again once the lock is gone");
    }

    /**
     * A {@code COPY} (PostgreSQL, several rows: {@link PgCopy}) sends no JDBC statement, so the statement's timeout
     * does not reach it: it carries the same timeout as {@code statement_timeout} for its own duration. Before, it
     * waited for the lock without end.
     */
    @Test
    void copyBlockedByATableLock_failsAfterTheQueryTimeout() throws SQLException {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        opened.add(ds);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).queryTimeout(Duration.ofSeconds(1)).build();
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        Set<RecordRef> about = Set.of(new RecordRef(RecordType.LEAD, new UUID(9, 1)));
        List<Activity> copied = new java.util.ArrayList<>(); // enough rows for a COPY
        for (int i = 1; i <= PgCopy.MIN_ROWS; i++) {
            copied.add(Activity.system(new ActivityId(new UUID(3, i)), "row " + i, "b", about, at));
        }

        try (Connection blocker = ds.getConnection(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE crm_activity IN ACCESS EXCLUSIVE MODE");

            RuntimeException failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(RuntimeException.class,
                            () -> ((JdbcActivities) store.activities()).appendAll(copied)));

            assertTrue(failure instanceof JdbcStoreException, failure.toString());
            blocker.rollback();
        }
        ((JdbcActivities) store.activities()).appendAll(copied);
        assertTrue(store.activities().findById(copied.get(copied.size() - 1).id()).isPresent(),
                "copied once the lock is gone");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            assertEquals("0", rs.getString(1), "the session's own timeout is back");
        }
    }

    /**
     * A bulk chunk's COPYs share one setting of {@code statement_timeout} ({@link PgCopy#withOneTimeout}): a COPY in
     * that work, blocked by a lock, still fails after the query timeout; the statements of the work carry the timeout,
     * and after the work the transaction's own timeout is back.
     */
    @Test
    void copiesSharingOneTimeout_failAfterTheQueryTimeout_andTheTimeoutIsRestoredAfter() throws SQLException {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        opened.add(ds);
        DataSource timed = QueryTimeoutDataSource.wrap(ds, Duration.ofSeconds(1));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= PgCopy.MIN_ROWS; i++) {
            rows.add(new Object[] {new UUID(5, i), "row " + i});
        }
        String copy = "COPY t17_copy_timeout (id, name) FROM STDIN";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t17_copy_timeout (id uuid, name text)");
        }

        try (Connection blocker = ds.getConnection(); Statement s = blocker.createStatement();
             Connection c = timed.getConnection()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE t17_copy_timeout IN ACCESS EXCLUSIVE MODE");
            c.setAutoCommit(false);

            SQLException failure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                    SQLException.class, () -> PgCopy.withOneTimeout(c, cc -> {
                        assertEquals("1s", timeout(cc), "set once for the work");
                        return PgCopy.copy(cc, copy, rows);
                    })));

            assertEquals("57014", failure.getSQLState(), "cancelled by the statement timeout: " + failure);
            c.rollback();
            blocker.rollback();
            assertEquals("1s", PgCopy.withOneTimeout(c, cc -> {
                PgCopy.copy(cc, copy, rows);
                return timeout(cc);
            }), "set for a work that succeeds");
            assertEquals("0", timeout(c), "back after the work");
            c.commit();
            s.execute("DROP TABLE t17_copy_timeout");
            blocker.commit();
        }
    }

    private static String timeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void builder_defaultIsThirtySeconds_andZeroMeansNone() {
        DataSource ds = TestDatabase.H2.shared();

        assertEquals(Duration.ofSeconds(30), JdbcCrmStore.builder(ds).build().queryTimeout());
        assertEquals(Duration.ZERO, JdbcCrmStore.builder(ds).queryTimeout(Duration.ZERO).build().queryTimeout());
        assertThrows(IllegalArgumentException.class,
                () -> JdbcCrmStore.builder(ds).queryTimeout(Duration.ofSeconds(-1)));
    }

    @Test
    void seconds_roundsPartsOfASecondUp() {
        assertEquals(0, QueryTimeoutDataSource.seconds(Duration.ZERO));
        assertEquals(1, QueryTimeoutDataSource.seconds(Duration.ofMillis(1)));
        assertEquals(2, QueryTimeoutDataSource.seconds(Duration.ofMillis(1500)));
        assertEquals(30, QueryTimeoutDataSource.seconds(Duration.ofSeconds(30)));
    }
}
