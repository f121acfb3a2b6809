package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.service.visit.ScheduleVisit;
import dev.crmkit.service.visit.Scheduling;
import dev.crmkit.service.visit.Visit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two application nodes (two data sources, each with its own pool, store and service desk) sharing one database,
 * four threads each, all scheduling visits for one engineer into the same overlapping slots at once: every slot is
 * booked exactly once and no two stored visits clash. What makes it hold is the database's lock on the engineer's
 * calendar row ({@code service_calendar}), since each node's clash check alone sees only committed visits.
 */
class CalendarConcurrencyTest {

    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 4;
    private static final int SLOTS = 12;
    private static final UserId ENGINEER = UserId.of("engineer-under-load");
    private static final Instant DAY = Instant.parse("2027-03-01T06:00:00Z");
    private static final Duration TRAVEL = Duration.ofMinutes(15);

    private DataSource[] nodes = new DataSource[0];

    @AfterEach
    void closeNodes() {
        TestDatabase.close(nodes);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void schedule_twoNodesTimesFourThreadsIntoTheSameSlots_eachSlotIsBookedOnce(TestDatabase db) throws Exception {
        nodes = db.nodes(NODES);
        List<ServiceDesk> desks = new ArrayList<>();
        List<Crm> crms = new ArrayList<>();
        for (DataSource node : nodes) {
            JdbcCrmStore store = JdbcCrmStore.builder(node).build();
            Crm crm = Crm.builder().store(store).ids(IdGenerator.random())
                    .clock(Clock.fixed(Instant.parse("2027-02-01T09:00:00Z"), ZoneOffset.UTC))
                    .defaultRegion("DE").build();
            crms.add(crm);
            desks.add(ServiceDesk.builder().crm(crm).store(store).travelTime(TRAVEL).build());
        }
        ContactId customer = crms.get(0).customers().createContact(NewContact.of("Load", "Test",
                "load@example.com")).id();
        Map<Integer, AtomicInteger> booked = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < NODES * THREADS_PER_NODE; t++) {
                ServiceDesk desk = desks.get(t % NODES);
                Random random = new Random(t);
                runs.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int s = 0; s < SLOTS; s++) {
                        order.add(s);
                    }
                    Collections.shuffle(order, random);
                    start.await();
                    for (int slot : order) {
                        // each thread asks for a slot shifted by a few minutes: the attempts overlap each other
                        Instant from = DAY.plus(Duration.ofMinutes(90L * slot + random.nextInt(10)));
                        Scheduling outcome = desk.schedule(new ScheduleVisit(ENGINEER, customer, Optional.empty(),
                                Optional.empty(), Optional.empty(), from, from.plus(Duration.ofMinutes(60))));
                        if (outcome instanceof Scheduling.Scheduled) {
                            booked.computeIfAbsent(slot, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int s = 0; s < SLOTS; s++) {
            assertEquals(1, booked.getOrDefault(s, new AtomicInteger()).get(), "slot " + s + " booked once");
        }
        List<Visit> stored = desks.get(1).calendar(ENGINEER, DAY, DAY.plus(Duration.ofDays(1)));
        assertEquals(SLOTS, stored.size());
        for (int i = 0; i < stored.size(); i++) {
            for (int j = i + 1; j < stored.size(); j++) {
                assertFalse(stored.get(i).clashesWith(stored.get(j), TRAVEL), stored.get(i) + " clashes with "
                        + stored.get(j));
            }
        }
        assertTrue(stored.stream().allMatch(Visit::holdsCalendar));
    }
}
