package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactEvent.ContactAffiliated;
import dev.crmkit.core.contact.ContactEvent.ContactChanged;
import dev.crmkit.core.contact.ContactEvent.ContactCreated;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.crmkit.core.contract.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link OutboxRelay} on real databases: what committed is delivered at least once and in order, what rolled back
 * never, across a crash before delivery, a relay dying mid-batch, and two relays competing; and the purge.
 */
class OutboxRelayTest {

    private final List<DataSource> opened = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        opened.forEach(OutboxRelayTest::release);
    }

    /** A fresh migrated database of the kind, released after the test. */
    private DataSource fresh(TestDatabase db) {
        DataSource ds = db.isolated();
        opened.add(ds);
        return ds;
    }

    /**
     * Closes a test database's pool, and drops a MariaDB database: each MariaDB pool holds its 40 connections open
     * from the start, so a few left open exhaust the server's connection limit.
     */
    static void release(DataSource ds) {
        try {
            if (ds instanceof JdbcConnectionPool pool) {
                pool.dispose();
            } else {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    if (Dialect.of(c) == Dialect.MARIADB) {
                        s.execute("DROP DATABASE IF EXISTS " + c.getCatalog());
                    }
                }
                if (ds instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not release a test database", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- 1. basics

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void committedEventsAreDeliveredInOrderAndMarked_rolledBackOnesNever(TestDatabase db) {
        DataSource ds = fresh(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        List<DomainEvent> direct = new CopyOnWriteArrayList<>();
        DomainEvents events = store.events(direct::add);
        Fixtures fx = new Fixtures(1);
        Contact kept = fx.contact().build();
        Contact dropped = fx.contact().build();
        ContactCreated created = new ContactCreated(kept.id(), false, T0);
        ContactChanged changed = new ContactChanged(kept.id(), 2, T0.plusMillis(1));
        ContactAffiliated affiliated = new ContactAffiliated(kept.id(), new CompanyId(fx.nextId()),
                Set.of(CompanyRole.EMPLOYEE, CompanyRole.PAYER), T0.plusMillis(2));
        ContactChanged changedAgain = new ContactChanged(kept.id(), 3, T0.plusMillis(3));

        store.transactions().run(() -> {
            store.contacts().insertOrGet(kept);
            events.publish(created);
            events.publish(changed);
            events.publish(affiliated);
        });
        RuntimeException refused = assertThrows(RuntimeException.class, () -> store.transactions().run(() -> {
            store.contacts().insertOrGet(dropped);
            events.publish(new ContactCreated(dropped.id(), false, T0));
            throw new IllegalStateException("the unit fails");
        }));
        assertEquals("the unit fails", refused.getMessage());
        events.publish(changedAgain); // a unit of its own
        assertTrue(store.contacts().findById(dropped.id()).isEmpty());
        List<DomainEvent> published = List.of(created, changed, affiliated, changedAgain);
        assertEquals(published, direct, "in-process delivery after commit, rolled-back events dropped");
        assertEquals(4, rows(ds).size());
        assertTrue(rows(ds).stream().noneMatch(Row::delivered));

        List<OutboxMessage> got = new ArrayList<>();
        OutboxRelay relay = store.outboxRelay().handler(got::add).build();
        assertEquals(4, relay.pendingCount());
        assertEquals(4, relay.relayOnce());

        assertEquals(published, got.stream().map(OutboxMessage::event).toList());
        assertEquals(rows(ds).stream().map(Row::seq).toList(), got.stream().map(OutboxMessage::seq).toList());
        assertStrictlyIncreasing(got.stream().map(OutboxMessage::seq).toList());
        for (int i = 0; i < got.size(); i++) {
            OutboxMessage m = got.get(i);
            assertEquals(kept.id().toString(), m.aggregateId());
            assertEquals(published.get(i).getClass().getName(), m.type());
            assertEquals(published.get(i).occurredAt(), m.occurredAt());
            assertTrue(m.payload().contains(kept.id().toString()), m.payload());
        }
        assertTrue(rows(ds).stream().allMatch(Row::delivered));
        assertTrue(rows(ds).stream().noneMatch(r -> r.aggregateId().equals(dropped.id().toString())));
        assertEquals(0, relay.pendingCount());
        assertEquals(0, relay.relayOnce(), "nothing is delivered twice without a failure");
        assertEquals(4, got.size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSubscriberCanBeTheHandler_andBatchesAreBounded(TestDatabase db) {
        DataSource ds = fresh(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        List<DomainEvent> published = publish(store, DomainEvents.discarding(), aggregates(2), 5);
        List<DomainEvent> got = new ArrayList<>();
        OutboxRelay relay = store.outboxRelay().subscriber(got::add).batchSize(4).build();

        assertEquals(4, relay.relayOnce());
        assertEquals(3, relay.deliverPending(3));
        assertEquals(3, relay.deliverPending(100));
        assertEquals(0, relay.relayOnce());
        assertEquals(published, got);
        assertThrows(IllegalArgumentException.class, () -> relay.deliverPending(0));
    }

    // ------------------------------------------------------------------------- 2. crash after commit, before delivery

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsCommittedBeforeACrashAreDeliveredAfterTheRestart_inOrder(TestDatabase db) {
        DataSource ds = fresh(db);
        JdbcCrmStore before = JdbcCrmStore.builder(ds).build();
        // the process "dies" right after each commit: the in-process subscriber never gets to hand an event on
        DomainEvents dying = event -> {
            throw new IllegalStateException("the process died after the commit");
        };
        List<ContactId> contacts = aggregates(3);
        List<DomainEvent> published = new ArrayList<>();
        Map<ContactId, Integer> versions = new HashMap<>();
        DomainEvents events = before.events(dying);
        for (int unit = 0; unit < 6; unit++) {
            List<DomainEvent> batch = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                ContactId id = contacts.get((unit + k) % contacts.size());
                int version = versions.merge(id, 1, Integer::sum);
                batch.add(new ContactChanged(id, version, T0.plusMillis(published.size() + batch.size())));
            }
            assertThrows(IllegalStateException.class, () -> before.transactions().run(() -> batch.forEach(events::publish)));
            published.addAll(batch);
        }
        assertEquals(published.size(), rows(ds).size(), "every committed event is in the outbox");

        // "after the restart": a new store and a relay on the same database, nothing shared with the old one
        JdbcCrmStore after = JdbcCrmStore.builder(ds).build();
        List<OutboxMessage> got = new ArrayList<>();
        OutboxRelay relay = after.outboxRelay().handler(got::add).batchSize(5).build();
        drain(relay);

        assertEquals(published, got.stream().map(OutboxMessage::event).toList());
        assertStrictlyIncreasing(got.stream().map(OutboxMessage::seq).toList());
        assertTrue(rows(ds).stream().allMatch(Row::delivered));
    }

    // ------------------------------------------------------------------------------ 3. relay dies in the middle

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRefusedEventStopsTheBatch_theAcceptedOnesStayMarked_anotherRelayGoesOnFromThere(TestDatabase db) {
        DataSource ds = fresh(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        List<DomainEvent> published = publish(store, DomainEvents.discarding(), aggregates(1), 5);
        List<Long> seqs = rows(ds).stream().map(Row::seq).toList();

        List<OutboxMessage> first = new ArrayList<>();
        OutboxRelay failing = store.outboxRelay().handler(m -> {
            if (first.size() == 2) {
                throw new java.io.IOException("the broker is down");
            }
            first.add(m);
        }).build();
        OutboxDeliveryException e = assertThrows(OutboxDeliveryException.class, failing::relayOnce);
        assertEquals(seqs.get(2), e.failedSeq());
        assertEquals(2, e.delivered());
        assertInstanceOf(java.io.IOException.class, e.getCause());
        assertEquals(List.of(true, true, false, false, false), rows(ds).stream().map(Row::delivered).toList());

        JdbcCrmStore restarted = JdbcCrmStore.builder(ds).build();
        List<OutboxMessage> second = new ArrayList<>();
        drain(restarted.outboxRelay().handler(second::add).build());
        assertEquals(published.subList(2, 5), second.stream().map(OutboxMessage::event).toList());
        assertEquals(seqs.subList(2, 5), second.stream().map(OutboxMessage::seq).toList());
        assertTrue(rows(ds).stream().allMatch(Row::delivered));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRelayThatDiesBeforeItsMarksCommit_hasItsBatchDeliveredAgain_atLeastOnce(TestDatabase db) {
        DataSource ds = fresh(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        List<DomainEvent> published = publish(store, DomainEvents.discarding(), aggregates(2), 3);

        // an Error out of the handler stands for the relay's process dying: its transaction never commits
        List<DomainEvent> beforeDeath = new ArrayList<>();
        OutboxRelay dying = store.outboxRelay().handler(m -> {
            if (beforeDeath.size() == 3) {
                throw new ProcessDeath();
            }
            beforeDeath.add(m.event());
        }).build();
        assertThrows(ProcessDeath.class, dying::relayOnce);
        assertEquals(published.subList(0, 3), beforeDeath);
        assertTrue(rows(ds).stream().noneMatch(Row::delivered), "no mark committed");

        List<DomainEvent> afterDeath = new ArrayList<>();
        drain(JdbcCrmStore.builder(ds).build().outboxRelay().subscriber(afterDeath::add).build());
        assertEquals(published, afterDeath, "the first three are delivered again, nothing is lost");
    }

    // ------------------------------------------------------------------------------------ 4. competing relays

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecondRelayDeliversNothingWhileTheFirstHoldsTheLock(TestDatabase db) {
        DataSource ds = fresh(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        publish(store, DomainEvents.discarding(), aggregates(1), 3);
        List<OutboxMessage> second = new ArrayList<>();
        OutboxRelay other = JdbcCrmStore.builder(ds).build().outboxRelay().handler(second::add).build();
        List<Integer> otherDelivered = new ArrayList<>();
        OutboxRelay first = store.outboxRelay().handler(m -> otherDelivered.add(other.relayOnce())).build();

        assertEquals(3, first.relayOnce());
        assertEquals(List.of(0, 0, 0), otherDelivered, "the other relay skipped its round each time");
        assertTrue(second.isEmpty());
        assertEquals(0, other.relayOnce());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoRelaysOnTwoStoresDeliverEveryEventOnce_inOrderPerAggregate_oneAtATime(TestDatabase db) throws Exception {
        DataSource ds = fresh(db);
        JdbcCrmStore nodeA = JdbcCrmStore.builder(ds).build();
        JdbcCrmStore nodeB = JdbcCrmStore.builder(ds).build();
        int perAggregate = 40;
        List<ContactId> ofA = aggregates(4);
        List<ContactId> ofB = aggregates(4);

        List<OutboxMessage> delivered = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inHandler = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger byA = new AtomicInteger();
        AtomicInteger byB = new AtomicInteger();
        AtomicBoolean publishing = new AtomicBoolean(true);
        OutboxRelay relayA = nodeA.outboxRelay().handler(handler(delivered, inHandler, mostAtOnce)).batchSize(7).build();
        OutboxRelay relayB = nodeB.outboxRelay().handler(handler(delivered, inHandler, mostAtOnce)).batchSize(7).build();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // two nodes publish while two relays deliver
            Future<List<DomainEvent>> publishedA = pool.submit(() -> publishRandomly(nodeA, ofA, perAggregate, 1));
            Future<List<DomainEvent>> publishedB = pool.submit(() -> publishRandomly(nodeB, ofB, perAggregate, 2));
            Future<?> runA = pool.submit(() -> relayUntil(relayA, publishing, byA));
            Future<?> runB = pool.submit(() -> relayUntil(relayB, publishing, byB));
            List<DomainEvent> published = new ArrayList<>(publishedA.get(60, TimeUnit.SECONDS));
            published.addAll(publishedB.get(60, TimeUnit.SECONDS));
            publishing.set(false);
            runA.get(60, TimeUnit.SECONDS);
            runB.get(60, TimeUnit.SECONDS);

            assertEquals(1, mostAtOnce.get(), "never two relays in a batch at once");
            assertEquals(published.size(), delivered.size(), "every event delivered, once each");
            assertEquals(new HashSet<>(published), new HashSet<>(delivered.stream().map(OutboxMessage::event).toList()));
            Map<String, List<Long>> versionsByAggregate = new HashMap<>();
            Map<String, List<Long>> seqsByAggregate = new HashMap<>();
            for (OutboxMessage m : delivered) {
                ContactChanged e = (ContactChanged) m.event();
                versionsByAggregate.computeIfAbsent(m.aggregateId(), k -> new ArrayList<>()).add(e.version());
                seqsByAggregate.computeIfAbsent(m.aggregateId(), k -> new ArrayList<>()).add(m.seq());
            }
            assertEquals(ofA.size() + ofB.size(), versionsByAggregate.size());
            List<Long> expected = new ArrayList<>();
            for (long v = 1; v <= perAggregate; v++) {
                expected.add(v);
            }
            versionsByAggregate.forEach((aggregate, versions) -> assertEquals(expected, versions, aggregate));
            seqsByAggregate.values().forEach(OutboxRelayTest::assertStrictlyIncreasing);
            assertTrue(rows(ds).stream().allMatch(Row::delivered));
            assertEquals(delivered.size(), byA.get() + byB.get());
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------------- 5. purge

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purgeDeletesOnlyEventsDeliveredBeforeTheTime(TestDatabase db) {
        DataSource ds = fresh(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        publish(store, DomainEvents.discarding(), aggregates(1), 5); // all occurred at about T0, long before
        List<Long> seqs = rows(ds).stream().map(Row::seq).toList();
        Instant t1 = Instant.parse("2030-01-01T10:00:00Z");
        Instant t2 = t1.plusSeconds(60);
        Instant t3 = t2.plusSeconds(60);
        MutableClock clock = new MutableClock(t1);
        OutboxRelay relay = store.outboxRelay().handler(m -> { }).clock(clock).build();
        assertEquals(2, relay.deliverPending(2));
        clock.now = t3;
        assertEquals(2, relay.deliverPending(2));

        assertEquals(0, relay.purgeDelivered(t1), "delivered at t1 is not before t1");
        assertEquals(5, rows(ds).size());
        assertEquals(2, relay.purgeDelivered(t2));
        assertEquals(seqs.subList(2, 5), rows(ds).stream().map(Row::seq).toList());
        assertEquals(2, relay.purgeDelivered(t3.plusMillis(1)));
        assertEquals(List.of(new Row(seqs.get(4), rows(ds).get(0).aggregateId(), false)), rows(ds),
                "a pending event is never purged, however old");
        assertEquals(0, relay.purgeDelivered(Instant.parse("2100-01-01T00:00:00Z")));
        assertEquals(1, relay.relayOnce());
    }

    // -------------------------------------------------------------------------------------------- background

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void inTheBackgroundItPolls_retriesAfterAFailure_andStopsOnClose(TestDatabase db) throws Exception {
        DataSource ds = fresh(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        List<DomainEvent> got = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        OutboxRelay relay = store.outboxRelay().handler(m -> {
            threads.add(Thread.currentThread());
            if (refusals.get() == 0) {
                refusals.incrementAndGet();
                throw new IllegalStateException("refused once (logged, retried next round)");
            }
            got.add(m.event());
        }).pollInterval(Duration.ofMillis(20)).batchSize(3).build();
        relay.start();
        try {
            assertTrue(relay.isRunning());
            assertThrows(IllegalStateException.class, relay::start);
            List<DomainEvent> published = publish(store, DomainEvents.discarding(), aggregates(2), 4);
            await(() -> got.size() >= published.size());
            assertEquals(published, got);
            assertEquals(1, refusals.get());
        } finally {
            relay.close();
        }
        assertFalse(relay.isRunning());
        Thread own = threads.get(0);
        assertTrue(own.isDaemon());
        assertTrue(own.getName().startsWith("crmkit-outbox-relay-"), own.getName());
        assertTrue(threads.stream().allMatch(t -> t == own), "one thread");
        own.join(5_000);
        assertFalse(own.isAlive(), "the relay's own thread ended");
        publish(store, DomainEvents.discarding(), aggregates(1), 1);
        Thread.sleep(150);
        assertEquals(8, got.size(), "nothing is delivered after close");
        assertEquals(1, relay.pendingCount());
        assertThrows(IllegalStateException.class, relay::start);
        relay.close(); // idempotent
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2"})
    void anInjectedExecutorIsUsed_andNotShutDownOnClose(TestDatabase db) throws Exception {
        DataSource ds = fresh(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "host-scheduler");
            t.setDaemon(true);
            return t;
        });
        try {
            List<String> threads = new CopyOnWriteArrayList<>();
            OutboxRelay relay = store.outboxRelay().handler(m -> threads.add(Thread.currentThread().getName()))
                    .executor(executor).pollInterval(Duration.ofMillis(10)).build();
            relay.start();
            publish(store, DomainEvents.discarding(), aggregates(1), 2);
            await(() -> threads.size() >= 2);
            relay.close();
            assertEquals(List.of("host-scheduler", "host-scheduler"), threads);
            assertFalse(executor.isShutdown());
        } finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeletedLockRowIsPutBack(TestDatabase db) throws SQLException {
        DataSource ds = fresh(db);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        List<DomainEvent> published = publish(store, DomainEvents.discarding(), aggregates(1), 2);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM crm_outbox_relay_lock");
        }
        List<DomainEvent> got = new ArrayList<>();
        assertEquals(2, store.outboxRelay().subscriber(got::add).build().relayOnce());
        assertEquals(published, got);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2"})
    void theRelayRefusesToRunInsideAUnitOfWork_andNeedsAHandler(TestDatabase db) {
        JdbcCrmStore store = JdbcCrmStore.builder(fresh(db)).build();
        OutboxRelay relay = store.outboxRelay().handler(m -> { }).build();
        assertThrows(IllegalStateException.class,
                () -> store.transactions().run(relay::relayOnce));
        assertThrows(IllegalStateException.class, () -> store.outboxRelay().build());
        assertNotNull(OutboxRelay.builder(store).subscriber(DomainEvents.discarding()).build());
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** A row of the outbox table. */
    record Row(long seq, String aggregateId, boolean delivered) {
    }

    /** The outbox table, in seq order. */
    static List<Row> rows(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, aggregate_id, "
                     + "CASE WHEN delivered_at IS NULL THEN 0 ELSE 1 END AS delivered FROM crm_outbox ORDER BY seq")) {
            List<Row> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ContactId> aggregates(int n) {
        List<ContactId> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ContactId(UUID.randomUUID()));
        }
        return out;
    }

    /** Publishes {@code perAggregate} events for each aggregate, round robin, in units of two; returns them in order. */
    static List<DomainEvent> publish(JdbcCrmStore store, DomainEvents subscriber, List<ContactId> aggregates,
                                     int perAggregate) {
        DomainEvents events = store.events(subscriber);
        List<DomainEvent> all = new ArrayList<>();
        for (int v = 1; v <= perAggregate; v++) {
            for (ContactId id : aggregates) {
                all.add(new ContactChanged(id, v, T0.plusMillis(all.size())));
            }
        }
        for (int i = 0; i < all.size(); i += 2) {
            List<DomainEvent> unit = all.subList(i, Math.min(i + 2, all.size()));
            store.transactions().run(() -> unit.forEach(events::publish));
        }
        return all;
    }

    /** Publishes {@code perAggregate} events per aggregate in units of 1 to 3 events of random aggregates. */
    static List<DomainEvent> publishRandomly(JdbcCrmStore store, List<ContactId> aggregates, int perAggregate,
                                             long seed) {
        Random random = new Random(seed);
        DomainEvents events = store.events(DomainEvents.discarding());
        Map<ContactId, Integer> versions = new HashMap<>();
        List<ContactId> open = new ArrayList<>(aggregates);
        List<DomainEvent> all = new ArrayList<>();
        while (!open.isEmpty()) {
            List<DomainEvent> unit = new ArrayList<>();
            int size = 1 + random.nextInt(3);
            for (int k = 0; k < size && !open.isEmpty(); k++) {
                ContactId id = open.get(random.nextInt(open.size()));
                int version = versions.merge(id, 1, Integer::sum);
                if (version == perAggregate) {
                    open.remove(id);
                }
                unit.add(new ContactChanged(id, version, T0.plusMillis(version)));
            }
            store.transactions().run(() -> unit.forEach(events::publish));
            all.addAll(unit);
        }
        return all;
    }

    private static OutboxHandler handler(List<OutboxMessage> delivered, AtomicInteger inHandler,
                                         AtomicInteger mostAtOnce) {
        return m -> {
            int now = inHandler.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                if (m.seq() % 5 == 0) {
                    Thread.sleep(1); // widen the window in which the other relay tries
                }
                delivered.add(m);
            } finally {
                inHandler.decrementAndGet();
            }
        };
    }

    private static void relayUntil(OutboxRelay relay, AtomicBoolean publishing, AtomicInteger count) {
        try {
            while (true) {
                boolean last = !publishing.get();
                int n = relay.relayOnce();
                count.addAndGet(n);
                if (n == 0) {
                    if (last && relay.pendingCount() == 0) {
                        return;
                    }
                    Thread.sleep(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(OutboxRelay relay) {
        for (int rounds = 0; rounds < 1_000; rounds++) {
            if (relay.relayOnce() == 0) {
                assertEquals(0, relay.pendingCount());
                return;
            }
        }
        fail("the outbox did not drain");
    }

    static void assertStrictlyIncreasing(List<Long> values) {
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1) < values.get(i), "not increasing at " + i + ": " + values);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out");
            }
            Thread.sleep(5);
        }
    }

    /** Stands for the relay's process dying in the middle of a batch. */
    private static final class ProcessDeath extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** A clock whose time the test sets. */
    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
