package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.ContactId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
