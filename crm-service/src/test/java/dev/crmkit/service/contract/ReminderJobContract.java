package dev.crmkit.service.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.Completion;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.InstallEquipment;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.notification.Notification;
import dev.crmkit.service.plan.NewServicePlan;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.TermsShape;
import dev.crmkit.service.reminder.ReminderRun;
import dev.crmkit.service.reminder.ServiceReminder;
import dev.crmkit.service.schedule.Anchor;
import dev.crmkit.service.schedule.VisitWindow;
import dev.crmkit.service.visit.ScheduleVisit;
import dev.crmkit.service.visit.Scheduling;
import dev.crmkit.service.visit.Visit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of the reminder job ({@link ServiceDesk#sendDueReminders}) on a store: a reminder goes out on its day,
 * to the person at the site, once however often the job runs; missed days are caught up while the occurrence's
 * window is open; a covered, ended or overdue occurrence is never reminded. Extend it with a class that returns a
 * fresh, empty store.
 *
 * <p>The plans: every six months from the installation day (schedule anchor), reminded 14 days ahead, on time from 3
 * days before to 7 days after the due day. Installed on 31 August 2026: occurrence 1 is due 28 February 2027 (reminder
 * day 14 February, window closes 7 March), occurrence 2 on 31 August 2027 (reminder day 17 August).
 */
public abstract class ReminderJobContract {

    /** A fresh, empty store; called before every test. */
    protected abstract ServiceStores newStore();

    private static final Instant NOW = Instant.parse("2027-02-01T08:00:00Z");
    private static final LocalDate INSTALLED = LocalDate.of(2026, 8, 31);
    private static final TermsShape TERMS = new TermsShape(Anchor.SCHEDULE, Period.ofDays(14), new VisitWindow(3, 7),
            Optional.empty(), OptionalInt.empty());

    private Crm crm;
    private ServiceDesk desk;
    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private ContactId customer;
    private ContactId tenant;

    @BeforeEach
    void wire() {
        ServiceStores stores = newStore();
        crm = Crm.builder().store(stores.crm()).clock(TestClock.at(NOW.toString())).ids(IdGenerator.seeded(38))
                .defaultRegion("DE").build();
        desk = ServiceDesk.builder().crm(crm).store(stores.service()).notifications(sent::add).build();
        customer = contact("Anna", Optional.of(UserId.of("manager-olga")));
        tenant = contact("Tom", Optional.empty());
    }

    private ContactId contact(String name, Optional<UserId> owner) {
        return crm.customers().createContact(new NewContact(name, "Reminded",
                List.of(name.toLowerCase() + "@example.com"), List.of(), "", owner, Map.of())).id();
    }

    private ServicePlan plan(LocalDate installed, TermsShape terms) {
        Equipment filter = desk.install(InstallEquipment.of(customer, "AquaPure 3", "AP3-" + installed,
                new Site(new Address("Flat", "Ring 5", "10115", "Berlin", "", "DE"), Optional.of(tenant)),
                installed));
        return desk.startPlan(NewServicePlan.of(filter.id(), Period.ofMonths(6), Money.of("40.00", "EUR"))
                .withTerms(terms));
    }

    private List<Notification> reminders() {
        return sent.stream().filter(n -> n.kind() == Notification.Kind.SERVICE_REMINDER).toList();
    }

    private void completeOn(ServicePlan plan, LocalDate day) {
        Instant start = day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
        Visit visit = assertInstanceOf(Scheduling.Scheduled.class, desk.schedule(ScheduleVisit.forPlan(
                UserId.of("engineer-ivan"), customer, plan.equipment(), plan.id(), start,
                start.plus(Duration.ofHours(1))))).visit();
        assertInstanceOf(Completion.Completed.class, desk.complete(visit.id(), new ServiceFixtures().report(day)));
    }

    @Test
    void onItsReminderDay_theReminderGoesToThePersonAtTheSite_once_andIsOnTheCustomersTimeline() {
        ServicePlan plan = plan(INSTALLED, TERMS);
        assertEquals(new ReminderRun(LocalDate.of(2027, 2, 13), List.of(), 0),
                desk.sendDueReminders(LocalDate.of(2027, 2, 13)), "the day before the reminder day");
        ReminderRun run = desk.sendDueReminders(LocalDate.of(2027, 2, 14));
        ServiceReminder mark = new ServiceReminder(plan.id(), LocalDate.of(2027, 2, 28), 1, customer, tenant,
                LocalDate.of(2027, 2, 14), NOW);
        assertEquals(new ReminderRun(LocalDate.of(2027, 2, 14), List.of(mark), 0), run);
        assertEquals(1, reminders().size());
        Notification n = reminders().get(0);
        assertEquals(tenant, n.recipient());
        assertTrue(n.text().contains("AquaPure 3") && n.text().contains("2027-02-28"), n.text());
        assertEquals(List.of(mark), desk.remindersOf(plan.id()));
        List<Activity> timeline = crm.timeline().of(new RecordRef(RecordType.CONTACT, customer.value()),
                TimelineFilter.everything(), PageRequest.first(50)).items();
        assertEquals(1, timeline.stream().filter(a -> a.subject().startsWith("Service reminder sent")).count());
        // every later run while the occurrence is open finds it reminded
        assertEquals(new ReminderRun(LocalDate.of(2027, 2, 14), List.of(), 1),
                desk.sendDueReminders(LocalDate.of(2027, 2, 14)));
        assertEquals(new ReminderRun(LocalDate.of(2027, 3, 1), List.of(), 1),
                desk.sendDueReminders(LocalDate.of(2027, 3, 1)));
        assertEquals(1, reminders().size());
    }

    @Test
    void missedDays_areCaughtUpWhileTheWindowIsOpen_butAnOverdueOccurrenceIsNotReminded() {
        ServicePlan late = plan(INSTALLED, TERMS); // due 28 Feb, window closed on 7 March
        ServicePlan open = plan(LocalDate.of(2026, 9, 10), TERMS); // due 10 March, reminder day 24 February
        ReminderRun run = desk.sendDueReminders(LocalDate.of(2027, 3, 8)); // the job did not run since February
        assertEquals(List.of(open.id()), run.sent().stream().map(ServiceReminder::plan).toList());
        assertEquals(LocalDate.of(2027, 3, 10), run.sent().get(0).occurrenceDue());
        assertEquals(List.of(), desk.remindersOf(late.id()));
        assertEquals(1, reminders().size());
        // a run on the last day of its window still reminds the late plan (the open one was reminded already)
        ReminderRun lastDay = desk.sendDueReminders(LocalDate.of(2027, 3, 7));
        assertEquals(List.of(late.id()), lastDay.sent().stream().map(ServiceReminder::plan).toList());
        assertEquals(1, lastDay.alreadyReminded());
    }

    @Test
    void aCoveredOccurrence_isNotReminded_theNextOneIsOnItsOwnDay() {
        ServicePlan plan = plan(INSTALLED, TERMS);
        completeOn(plan, LocalDate.of(2027, 2, 10)); // early: covers occurrence 1
        assertEquals(new ReminderRun(LocalDate.of(2027, 2, 14), List.of(), 0),
                desk.sendDueReminders(LocalDate.of(2027, 2, 14)));
        assertEquals(List.of(), desk.sendDueReminders(LocalDate.of(2027, 8, 16)).sent());
        ReminderRun run = desk.sendDueReminders(LocalDate.of(2027, 8, 17));
        assertEquals(1, run.sent().size());
        assertEquals(2, run.sent().get(0).occurrence());
        assertEquals(LocalDate.of(2027, 8, 31), run.sent().get(0).occurrenceDue());
        assertEquals(1, reminders().size());
    }

    @Test
    void anEndedPlan_isNeverReminded_andAReminderSentBeforeTheCompletionStaysTheOnlyOne() {
        ServicePlan once = plan(INSTALLED, new TermsShape(Anchor.SCHEDULE, Period.ofDays(14), new VisitWindow(3, 7),
                Optional.empty(), OptionalInt.of(1)));
        assertEquals(1, desk.sendDueReminders(LocalDate.of(2027, 2, 14)).sent().size());
        completeOn(once, LocalDate.of(2027, 2, 20));
        for (LocalDate day : List.of(LocalDate.of(2027, 2, 21), LocalDate.of(2027, 8, 17), LocalDate.of(2030, 1, 1))) {
            assertEquals(new ReminderRun(day, List.of(), 0), desk.sendDueReminders(day), day.toString());
        }
        assertEquals(1, reminders().size());
        assertEquals(1, desk.remindersOf(once.id()).size());
    }
}
