package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.ContactEvent.ContactChanged;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two relays on two nodes while one node's backends are killed again and again, in the middle of its batches (issue
 * 19, item 4): never two handlers at once, every event delivered at least once, and the first deliveries of each
 * aggregate's events in the order they happened. Each node's connections carry the node's name on the server, so the
 * test kills only that node's.
 */
class RelayKillTest {

    private static final int AGGREGATES = 10;
    private static final int PER_AGGREGATE = 60;
    private static final int KILLS = 8;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void killingARelaysConnections_neverLetsTwoHandlersRunAtOnce_andKeepsFirstDeliveriesInOrder(TestDatabase db)
            throws Exception {
        String database = db.migratedDatabase();
        DataSource writer = Backends.connect(db, database, "writer", null);
        DataSource nodeA = Backends.connect(db, database, "relay_a", null);
        DataSource nodeB = Backends.connect(db, database, "relay_b", null);
        try {
            List<DomainEvent> published = OutboxRelayTest.publish(JdbcCrmStore.builder(writer).build(),
                    DomainEvents.discarding(), OutboxRelayTest.aggregates(AGGREGATES), PER_AGGREGATE);
            Handler handler = new Handler();
            OutboxRelay relayA = relay(nodeA, handler.of("relay_a"));
            OutboxRelay relayB = relay(nodeB, handler.of("relay_b"));
            relayA.start();
            relayB.start();
            Random random = new Random(19);
            int kills = 0;
            int backendsKilled = 0;
            try {
                for (int i = 0; i < KILLS; i++) {
                    // kill while a batch is being handed over, on whichever node is handing it over
                    handler.current = null;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (handler.current == null && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    String node = handler.current;
                    if (node == null) {
                        break; // everything delivered
                    }
                    Thread.sleep(random.nextInt(20));
                    backendsKilled += Backends.killNode(db, database, node);
                    kills++;
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (handler.firstDeliveries() < published.size()) {
                    if (System.nanoTime() > deadline) {
                        fail("not every event was delivered: " + handler.firstDeliveries() + " of " + published.size());
                    }
                    Thread.sleep(20);
                }
            } finally {
                relayA.close();
                relayB.close();
            }
            System.out.printf("RelayKillTest %s: %d events, %d kills (%d backends), %d deliveries, %d redeliveries, "
                            + "most handlers at once %d%n", db, published.size(), kills, backendsKilled,
                    handler.deliveries.get(), handler.deliveries.get() - published.size(), handler.mostAtOnce.get());
            assertTrue(kills >= 3, "the test killed a relay mid-batch several times: " + kills);
            assertEquals(1, handler.mostAtOnce.get(), "never two handlers at once");
            assertEquals(published.size(), handler.firstDeliveries(), "every event delivered at least once");
            handler.firstByAggregate.forEach((aggregate, versions) -> {
                List<Long> expected = new ArrayList<>();
                for (long v = 1; v <= PER_AGGREGATE; v++) {
                    expected.add(v);
                }
                assertEquals(expected, versions, "first deliveries of " + aggregate + " in order");
            });
        } finally {
            TestDatabase.close(writer, nodeA, nodeB);
        }
    }

    private static OutboxRelay relay(DataSource node, OutboxHandler handler) {
        return JdbcCrmStore.builder(node).build().outboxRelay().handler(handler).batchSize(25)
                .pollInterval(Duration.ofMillis(10)).lease(Duration.ofSeconds(2)).build();
    }

    /** Records every delivery: how many handlers run at once, and each aggregate's first deliveries in order. */
    private static final class Handler {
        final AtomicInteger inHandler = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger deliveries = new AtomicInteger();
        final Set<Long> seen = ConcurrentHashMap.newKeySet();
        final Map<String, List<Long>> firstByAggregate = new HashMap<>();
        /** The node whose handler ran last, set by each delivery. */
        volatile String current;

        /** The handler of one node's relay. */
        OutboxHandler of(String node) {
            return m -> handle(node, m);
        }

        private void handle(String node, OutboxMessage m) throws InterruptedException {
            mostAtOnce.accumulateAndGet(inHandler.incrementAndGet(), Math::max);
            try {
                current = node;
                deliveries.incrementAndGet();
                if (seen.add(m.seq())) {
                    synchronized (firstByAggregate) {
                        firstByAggregate.computeIfAbsent(m.aggregateId(), k -> new ArrayList<>())
                                .add(((ContactChanged) m.event()).version());
                    }
                }
                Thread.sleep(3); // a handler that takes a moment, as a broker's send does
            } finally {
                inHandler.decrementAndGet();
            }
        }

        int firstDeliveries() {
            return seen.size();
        }
    }
}
