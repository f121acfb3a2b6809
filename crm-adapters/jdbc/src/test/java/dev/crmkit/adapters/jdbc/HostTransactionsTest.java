package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactEvent.ContactChanged;
import dev.crmkit.core.contact.ContactEvent.ContactCreated;
import dev.crmkit.core.Crm;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.crmkit.core.contract.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host that manages its own transactions with Spring ({@link DataSourceTransactionManager},
 * {@link TransactionTemplate}) makes crmkit join them through a {@link TransactionAwareDataSourceProxy} and
 * {@link JdbcCrmStore.Builder#joinHostTransactions()}: crmkit's writes and outbox rows commit and roll back with the
 * host's, and a crmkit unit of work that fails undoes only its own writes.
 */
class HostTransactionsTest {

    private final List<DataSource> opened = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        opened.forEach(OutboxRelayTest::release);
    }

    private Host host(TestDatabase db) {
        Host host = new Host(db);
        opened.add(host.target);
        return host;
    }

    /** A host application's view of one database: its own table, Spring's transactions, and crmkit joined. */
    private static final class Host {
        final DataSource target;
        final JdbcCrmStore store;
        final TransactionTemplate transactions;
        final JdbcTemplate jdbc;
        final List<DomainEvent> inProcess = new CopyOnWriteArrayList<>();
        final DomainEvents events;

        Host(TestDatabase db) {
            target = db.isolated();
            DataSource proxy = new TransactionAwareDataSourceProxy(target);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(target));
            jdbc = new JdbcTemplate(target); // takes part in the Spring transaction of the thread
            jdbc.execute("CREATE TABLE host_order (id VARCHAR(40) NOT NULL PRIMARY KEY, note VARCHAR(100))");
            store = JdbcCrmStore.builder(proxy).joinHostTransactions().build();
            events = store.events(inProcess::add);
        }

        /** Stores the contact and publishes the event, each a write of its own (no crmkit unit around them). */
        void write(Contact contact, DomainEvent event) {
            store.contacts().insertOrGet(contact);
            events.publish(event);
        }

        /** Stores the contact and publishes the event in one crmkit unit of work. */
        void writeInUnit(Contact contact, DomainEvent event) {
            store.transactions().run(() -> write(contact, event));
        }

        void order(String id) {
            jdbc.update("INSERT INTO host_order (id, note) VALUES (?, ?)", id, "from the host");
        }

        List<String> orders() {
            return jdbc.queryForList("SELECT id FROM host_order ORDER BY id", String.class);
        }

        /** The crmkit rows as a node that does not take part in the host's transaction sees them. */
        long committedContacts() {
            return JdbcCrmStore.builder(target).build().contacts().count();
        }

        /** The outbox as a relay of another node sees and delivers it. */
        List<DomainEvent> relay() {
            List<DomainEvent> got = new ArrayList<>();
            OutboxRelay relay = JdbcCrmStore.builder(target).build().outboxRelay().subscriber(got::add).build();
            while (relay.relayOnce() > 0) {
                // drain
            }
            return got;
        }
    }

    /** Spring's way to run something after the thread's transaction commits. */
    private static final HostCommit SPRING = delivery -> TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.run();
                }
            });

    @org.junit.jupiter.api.Test
    void crm_eventsFromAStoreJoinedWithoutACommitHook_isRefusedNamingTheOutboxRelay() {
        DataSource target = TestDatabase.H2.isolated();
        opened.add(target);
        JdbcCrmStore joined = JdbcCrmStore.builder(new TransactionAwareDataSourceProxy(target))
                .joinHostTransactions().build();

        IllegalStateException events = assertThrows(IllegalStateException.class,
                () -> Crm.builder().store(joined).defaultRegion("DE").events(e -> { }).build());
        IllegalStateException rescoring = assertThrows(IllegalStateException.class,
                () -> Crm.builder().store(joined).defaultRegion("DE").rescoreOnEvents().build());

        assertTrue(events.getMessage().startsWith("events(...) cannot be delivered by this store")
                && events.getMessage().contains("outbox relay"), events.getMessage());
        assertTrue(rescoring.getMessage().startsWith("rescoreOnEvents() cannot be delivered"), rescoring.getMessage());
        // without a subscriber the store is fine: the outbox relay delivers
        Crm.builder().store(joined).defaultRegion("DE").build();
        Crm.builder().store(JdbcCrmStore.builder(new TransactionAwareDataSourceProxy(target))
                .joinHostTransactions(SPRING).build()).defaultRegion("DE").events(e -> { }).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsWithACommitHook_reachTheSubscriberAfterTheHostCommits_andNeverAfterARollback(TestDatabase db) {
        DataSource target = db.isolated();
        opened.add(target);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(target));
        JdbcCrmStore store = JdbcCrmStore.builder(new TransactionAwareDataSourceProxy(target))
                .joinHostTransactions(SPRING).build();
        List<DomainEvent> delivered = new CopyOnWriteArrayList<>();
        DomainEvents events = store.events(delivered::add);
        Fixtures fx = new Fixtures(4);
        Contact kept = fx.contact().build();
        Contact undone = fx.contact().build();

        transactions.executeWithoutResult(tx -> {
            store.transactions().run(() -> {
                store.contacts().insertOrGet(kept);
                events.publish(new ContactCreated(kept.id(), false, T0));
            });
            assertEquals(List.of(), delivered, "nothing is delivered before the host commits");
        });
        assertEquals(List.of(new ContactCreated(kept.id(), false, T0)), delivered);

        assertThrows(IllegalStateException.class, () -> transactions.executeWithoutResult(tx -> {
            store.transactions().run(() -> {
                store.contacts().insertOrGet(undone);
                events.publish(new ContactCreated(undone.id(), false, T0));
            });
            throw new IllegalStateException("the host's own work fails");
        }));
        assertEquals(List.of(new ContactCreated(kept.id(), false, T0)), delivered, "a rolled-back unit delivers nothing");
        assertTrue(store.contacts().findById(undone.id()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHostRollbackUndoesCrmkitsWritesAndEvents(TestDatabase db) {
        Host host = host(db);
        Fixtures fx = new Fixtures(3);
        Contact alone = fx.contact().build();
        Contact inUnit = fx.contact().build();

        RuntimeException e = assertThrows(RuntimeException.class, () -> host.transactions.executeWithoutResult(tx -> {
            host.order("o1");
            host.write(alone, new ContactCreated(alone.id(), false, T0)); // a write that is a unit of its own
            host.writeInUnit(inUnit, new ContactCreated(inUnit.id(), false, T0));
            assertEquals(0, host.committedContacts(), "nothing is committed before the host commits");
            assertEquals(List.of(), host.relay(), "a relay elsewhere sees no event before the host commits");
            throw new IllegalStateException("the host's own work fails");
        }));
        assertEquals("the host's own work fails", e.getMessage());

        assertEquals(List.of(), host.orders());
        assertEquals(0, host.store.contacts().count());
        assertTrue(host.store.contacts().findById(alone.id()).isEmpty());
        assertTrue(host.store.contacts().findById(inUnit.id()).isEmpty());
        assertEquals(0, OutboxRelayTest.rows(host.target).size(), "no outbox row survives the rollback");
        assertEquals(List.of(), host.relay());
        assertEquals(List.of(), host.inProcess, "inside a host transaction nothing is delivered in process");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHostRollbackBySetRollbackOnlyUndoesCrmkitsWritesToo(TestDatabase db) {
        Host host = host(db);
        Contact contact = new Fixtures(4).contact().build();
        host.transactions.executeWithoutResult(tx -> {
            host.order("o1");
            host.writeInUnit(contact, new ContactCreated(contact.id(), false, T0));
            tx.setRollbackOnly();
        });
        assertEquals(List.of(), host.orders());
        assertEquals(0, host.store.contacts().count());
        assertEquals(0, OutboxRelayTest.rows(host.target).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHostCommitCommitsCrmkitsWritesAndEventsWithTheHostsOwn(TestDatabase db) {
        Host host = host(db);
        Fixtures fx = new Fixtures(5);
        Contact alone = fx.contact().build();
        Contact inUnit = fx.contact().build();
        ContactCreated first = new ContactCreated(alone.id(), false, T0);
        ContactCreated second = new ContactCreated(inUnit.id(), false, T0.plusMillis(1));
        ContactChanged third = new ContactChanged(alone.id(), 2, T0.plusMillis(2));

        host.transactions.executeWithoutResult(tx -> {
            host.order("o1");
            host.write(alone, first);
            host.writeInUnit(inUnit, second);
            host.events.publish(third);
            host.order("o2");
            assertEquals(0, host.committedContacts());
            assertEquals(List.of(), host.relay());
        });

        assertEquals(List.of("o1", "o2"), host.orders());
        assertEquals(2, host.committedContacts());
        assertEquals(1, host.store.contacts().findById(alone.id()).orElseThrow().version());
        assertTrue(host.store.contacts().findById(inUnit.id()).isPresent());
        assertEquals(List.of(), host.inProcess, "delivery is the relay's: the host committed after crmkit's units");
        assertEquals(List.of(first, second, third), host.relay());
    }

    /**
     * A host that sets a savepoint of its own on the shared connection between two of crmkit's writes inside one unit
     * can still roll back to it: crmkit's write savepoints are released at once in a joined unit (a release owed until
     * the next write would release, and so destroy, the host's savepoint set after it).
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHostSavepointBetweenCrmkitsWritesInOneUnitStaysUsable(TestDatabase db) throws Exception {
        Host host = host(db);
        Fixtures fx = new Fixtures(7);
        Contact kept = fx.contact().build();
        Contact undone = fx.contact().build();

        host.transactions.executeWithoutResult(tx -> host.store.transactions().run(() -> {
            host.store.contacts().insertOrGet(kept);
            java.sql.Connection shared = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(host.target);
            try {
                java.sql.Savepoint mine = shared.setSavepoint();
                host.store.contacts().insertOrGet(undone);
                shared.rollback(mine);
            } catch (java.sql.SQLException e) {
                throw new AssertionError("the host's savepoint was lost: " + e.getMessage(), e);
            }
        }));

        assertTrue(host.store.contacts().findById(kept.id()).isPresent());
        assertTrue(host.store.contacts().findById(undone.id()).isEmpty(), "rolled back to the host's savepoint");
    }

    /**
     * A host savepoint rolled back around a timeline entry in a joined unit takes back what the entry's write put in
     * the outbox without crmkit knowing: so a joined unit never writes its events with an entry (as it may on
     * PostgreSQL in a unit of its own), and the commit writes each of them to the outbox, once.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHostSavepointRolledBackAroundATimelineEntry_losesNoEventOfTheJoinedUnit(TestDatabase db) {
        Host host = host(db);
        Fixtures fx = new Fixtures(8);
        Contact contact = fx.contact().build();
        ContactCreated before = new ContactCreated(contact.id(), false, T0);
        ContactChanged announced = new ContactChanged(contact.id(), 2, T0.plusMillis(1));
        Activity entry = Activity.system(new ActivityId(new java.util.UUID(8, 1)), "Called", "by the host",
                java.util.Set.of(Fixtures.ref(contact)), T0);

        host.transactions.executeWithoutResult(tx -> host.store.transactions().run(() -> {
            host.write(contact, before);
            java.sql.Connection shared = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(host.target);
            try {
                java.sql.Savepoint mine = shared.setSavepoint();
                host.store.activities().appendAndPublish(entry, announced, host.events);
                shared.rollback(mine);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }));

        assertTrue(host.store.contacts().findById(contact.id()).isPresent());
        assertEquals(List.of(), host.store.activities().timeline(Fixtures.ref(contact),
                dev.crmkit.core.activity.TimelineFilter.everything(), dev.crmkit.core.kernel.PageRequest.first(10))
                .items(), "the entry went with the host's savepoint");
        assertEquals(List.of(before, announced), host.relay(), "each event of the unit in the outbox, once");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingCrmkitUnitUndoesOnlyItsOwnWrites_theHostsEarlierWriteSurvivesItsCommit(TestDatabase db) {
        Host host = host(db);
        Fixtures fx = new Fixtures(6);
        Contact before = fx.contact().build();
        Contact failed = fx.contact().build();
        Contact after = fx.contact().build();
        ContactCreated kept = new ContactCreated(before.id(), false, T0);
        ContactCreated keptToo = new ContactCreated(after.id(), false, T0.plusMillis(2));

        host.transactions.executeWithoutResult(tx -> {
            host.order("o1");
            host.writeInUnit(before, kept);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> host.store.transactions().run(() -> {
                        host.write(failed, new ContactCreated(failed.id(), false, T0.plusMillis(1)));
                        throw new IllegalStateException("crmkit's unit fails");
                    }));
            assertEquals("crmkit's unit fails", e.getMessage());
            host.order("o2");
            host.writeInUnit(after, keptToo);
        });

        assertEquals(List.of("o1", "o2"), host.orders());
        assertTrue(host.store.contacts().findById(before.id()).isPresent());
        assertTrue(host.store.contacts().findById(failed.id()).isEmpty(), "the failed unit's write is undone");
        assertTrue(host.store.contacts().findById(after.id()).isPresent());
        assertEquals(2, host.store.contacts().count());
        assertEquals(List.of(kept, keptToo), host.relay(), "the failed unit's event is gone with it");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withoutAHostTransactionCrmkitsUnitsRunOnTheirOwn(TestDatabase db) {
        Host host = host(db);
        Contact contact = new Fixtures(7).contact().build();
        ContactCreated created = new ContactCreated(contact.id(), false, T0);
        host.writeInUnit(contact, created);
        assertEquals(1, host.committedContacts());
        assertEquals(List.of(created), host.inProcess, "delivered in process after its own commit");
        assertEquals(List.of(created), host.relay(), "and through the outbox");
        assertThrows(IllegalStateException.class, () -> host.store.transactions().run(() -> {
            host.store.contacts().insertOrGet(new Fixtures(8).contact().build());
            throw new IllegalStateException("rolled back on its own");
        }));
        assertEquals(1, host.committedContacts());
    }

    /**
     * A read outside a crmkit unit of work (findById, count) inside a host transaction must leave the host's
     * transaction alone. {@code JdbcTransactions.read} ends every read on a connection with auto-commit off by
     * rolling it back, and with a joined host transaction that connection is the host's: the read rolls back what the
     * host and crmkit wrote so far, and the host's commit then commits nothing.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReadInsideAHostTransactionKeepsTheHostsWork(TestDatabase db) {
        Host host = host(db);
        Contact contact = new Fixtures(9).contact().build();
        host.transactions.executeWithoutResult(tx -> {
            host.order("o1");
            host.store.contacts().insertOrGet(contact);
            assertTrue(host.store.contacts().findById(contact.id()).isPresent(), "crmkit reads its own write");
            host.order("o2");
        });
        assertEquals(List.of("o1", "o2"), host.orders());
        assertTrue(host.store.contacts().findById(contact.id()).isPresent());
    }
}
