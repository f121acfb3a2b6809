package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several "nodes" (use-case instances sharing one store and one assignment state), each with several threads, all
 * racing to assign the same leads round robin: every lead is assigned exactly once and the rotation stays fair.
 */
class LeadAssignmentConcurrencyTest {

    private static final int NODES = 4;
    private static final int THREADS_PER_NODE = 4;
    private static final int LEADS = 7_000;

    @Test
    void assign_racingNodesAndThreads_assignEachLeadOnceAndRotateFairly() throws Exception {
        TestWorld world = new TestWorld();
        MapAssignmentState state = new MapAssignmentState();
        Team team = Team.of("sales", "p1", "p2", "p3", "p4", "p5", "p6", "p7");
        List<LeadId> ids = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            ids.add(world.lead().id());
        }
        List<LeadAssignment> nodes = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            RoutedPolicy policy = RoutedPolicy.routing(Routing.everyoneTo(team))
                    .strategy(Strategies.roundRobin()).build();
            nodes.add(new LeadAssignment(world.leads, state, policy, world.timeline, world.context, 77L));
        }
        Map<LeadId, AtomicInteger> wins = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < NODES * THREADS_PER_NODE; t++) {
            LeadAssignment node = nodes.get(t % NODES);
            List<LeadId> order = new ArrayList<>(ids);
            Collections.shuffle(order, new Random(t));
            futures.add(pool.submit(() -> {
                start.await();
                for (LeadId id : order) {
                    if (node.assign(id) instanceof AssignmentOutcome.Assigned) {
                        wins.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(LEADS, wins.size(), "every lead was assigned");
        assertTrue(wins.values().stream().allMatch(w -> w.get() == 1), "no lead was assigned twice");
        Map<UserId, Integer> counts = new HashMap<>();
        for (LeadId id : ids) {
            Lead lead = world.leads.findById(id).orElseThrow();
            assertEquals(2, lead.version(), "one write per lead");
            counts.merge(lead.owner().orElseThrow(), 1, Integer::sum);
        }
        assertEquals(7, counts.size());
        assertTrue(counts.values().stream().allMatch(c -> c == 1000), "7,000 leads over 7 people: " + counts);
        assertEquals(LEADS, world.events(AssignmentEvent.LeadAssigned.class).size());
    }
}
