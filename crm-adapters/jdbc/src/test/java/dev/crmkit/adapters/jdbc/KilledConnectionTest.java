package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the database kills a connection in the middle of work, the caller sees that error, with its SQLState, and not
 * a later "connection is closed" from ending the read, rolling back or restoring auto-commit (issue 19, item 3).
 */
class KilledConnectionTest {

    private final List<DataSource> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void aReadOnAKilledConnection_reportsTheKill(TestDatabase db) {
        JdbcCrmStore store = JdbcCrmStore.builder(node(db)).build();
        JdbcStoreException e = assertThrows(JdbcStoreException.class, () -> store.jdbc().tx.read(c -> {
            Backends.kill(db, Backends.backendId(db, c));
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
            }
            return null;
        }));
        assertKilled(db, e);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void aUnitOfWorkOnAKilledConnection_reportsTheKill(TestDatabase db) {
        JdbcCrmStore store = JdbcCrmStore.builder(node(db)).build();
        Crm crm = Crm.builder().store(store).clock(Fixtures.CLOCK).ids(IdGenerator.seeded(3)).defaultRegion("DE").build();
        JdbcStoreException e = assertThrows(JdbcStoreException.class, () -> store.transactions().run(() -> {
            long backend = store.jdbc().tx.read(c -> Backends.backendId(db, c));
            Backends.kill(db, backend);
            crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe")
                    .email("jane@example.com").build());
        }));
        assertKilled(db, e);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void aRelayBatchOnAKilledConnection_reportsTheKill(TestDatabase db) {
        DataSource ds = node(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        OutboxRelayTest.publish(store, DomainEvents.discarding(), OutboxRelayTest.aggregates(1), 2);
        OutboxRelay relay = store.outboxRelay().handler(m -> Backends.killNode(db, database, "relay")).build();
        JdbcStoreException e = assertThrows(JdbcStoreException.class, relay::relayOnce);
        assertKilled(db, e);
    }

    private String database;

    private DataSource node(TestDatabase db) {
        database = db.migratedDatabase();
        DataSource ds = Backends.connect(db, database, "relay", null);
        opened.add(ds);
        return ds;
    }

    /**
     * The SQLState of a killed backend: PostgreSQL's {@code 57P01} (admin shutdown); on MariaDB {@code 70100}
     * (connection killed) or a connection failure of class {@code 08}.
     */
    private static void assertKilled(TestDatabase db, JdbcStoreException e) {
        String state = e.sqlState();
        boolean killed = db == TestDatabase.POSTGRESQL ? "57P01".equals(state)
                : state != null && (state.equals("70100") || state.startsWith("08"));
        assertTrue(killed, "the kill's SQLState reaches the caller, not a later error: " + e + " (SQLState " + state
                + ")");
        assertTrue(e.getCause() instanceof SQLException);
    }
}
