package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.InstallEquipment;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.notification.Notification;
import dev.crmkit.service.plan.NewServicePlan;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.plan.TermsShape;
import dev.crmkit.service.reminder.ReminderRun;
import dev.crmkit.service.reminder.ServiceReminder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two application nodes (two data sources, each with its own pool, store and service desk) sharing one database,
 * four threads each, all running the reminder job for the same day at once, twice: every plan's occurrence is
 * reminded exactly once (one notification, one mark, one timeline entry) and every other run finds it reminded. What
 * makes it hold is the mark's primary key and the insert that loses on it ({@code service_reminder}): each node alone
 * sees no mark until the winner commits.
 */
class ReminderConcurrencyTest {

    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 4;
    private static final int RUNS_PER_THREAD = 2;
    private static final int PLANS = 12;
    private static final LocalDate AS_OF = LocalDate.of(2027, 2, 28);

    private DataSource[] nodes = new DataSource[0];

    @AfterEach
    void closeNodes() {
        TestDatabase.close(nodes);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void sendDueReminders_twoNodesTimesFourThreads_remindEachOccurrenceOnce(TestDatabase db) throws Exception {
        nodes = db.nodes(NODES);
        Queue<Notification> told = new ConcurrentLinkedQueue<>();
        List<ServiceDesk> desks = new ArrayList<>();
        List<Crm> crms = new ArrayList<>();
        for (DataSource node : nodes) {
            JdbcCrmStore store = JdbcCrmStore.builder(node).build();
            Crm crm = Crm.builder().store(store).ids(IdGenerator.random())
                    .clock(Clock.fixed(Instant.parse("2027-02-28T05:00:00Z"), ZoneOffset.UTC))
                    .defaultRegion("DE").build();
            crms.add(crm);
            desks.add(ServiceDesk.builder().crm(crm).store(store).notifications(told::add).build());
        }
        ContactId customer = crms.get(0).customers().createContact(NewContact.of("Many", "Filters",
                "filters@example.com")).id();
        List<ServicePlanId> plans = new ArrayList<>();
        for (int i = 0; i < PLANS; i++) {
            // installed on consecutive days from 1 September 2026: occurrence 1 is due from 1 to 12 March 2027,
            // reminded 28 days ahead (1 to 12 February), so on AS_OF every reminder is due and none is overdue
            Equipment e = desks.get(i % NODES).install(InstallEquipment.of(customer, "Cartridge", "C-" + i,
                    Site.at(new Address("", "Ring " + i, "10115", "Berlin", "", "DE")),
                    LocalDate.of(2026, 9, 1).plusDays(i)));
            ServicePlan plan = desks.get(i % NODES).startPlan(NewServicePlan.of(e.id(), Period.ofMonths(6),
                    Money.of("40.00", "EUR")).withTerms(TermsShape.DEFAULT.withReminderLead(Period.ofDays(28))));
            plans.add(plan.id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<ReminderRun>>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < NODES * THREADS_PER_NODE; t++) {
                ServiceDesk desk = desks.get(t % NODES);
                runs.add(pool.submit(() -> {
                    start.await();
                    List<ReminderRun> mine = new ArrayList<>();
                    for (int r = 0; r < RUNS_PER_THREAD; r++) {
                        mine.add(desk.sendDueReminders(AS_OF));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<ReminderRun> all = new ArrayList<>();
            for (Future<List<ReminderRun>> run : runs) {
                all.addAll(run.get(5, TimeUnit.MINUTES));
            }
            Map<ServicePlanId, Integer> sentPerPlan = new HashMap<>();
            all.forEach(run -> run.sent().forEach(s -> sentPerPlan.merge(s.plan(), 1, Integer::sum)));
            assertEquals(plans.stream().collect(Collectors.toMap(p -> p, p -> 1)), sentPerPlan,
                    "each plan's occurrence sent by exactly one run");
            int runsInAll = NODES * THREADS_PER_NODE * RUNS_PER_THREAD;
            assertEquals(PLANS * (runsInAll - 1), all.stream().mapToInt(ReminderRun::alreadyReminded).sum());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(PLANS, told.size(), "one notification per occurrence");
        assertEquals(Set.of(Notification.Kind.SERVICE_REMINDER), told.stream().map(Notification::kind)
                .collect(Collectors.toSet()));
        for (ServicePlanId plan : plans) {
            List<ServiceReminder> marks = desks.get(1).remindersOf(plan);
            assertEquals(1, marks.size(), "one mark of " + plan);
            assertEquals(1, marks.get(0).occurrence());
        }
        List<Activity> timeline = crms.get(1).timeline().of(new RecordRef(RecordType.CONTACT, customer.value()),
                TimelineFilter.everything(), PageRequest.first(100)).items();
        assertEquals(PLANS, timeline.stream().filter(a -> a.subject().startsWith("Service reminder sent")).count(),
                "one timeline entry per occurrence");
    }
}
