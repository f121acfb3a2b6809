package dev.crmkit.adapters;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.kit.Crmkit;
import dev.crmkit.service.Completion;
import dev.crmkit.service.Handover;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.service.commitment.RecordCommitment;
import dev.crmkit.service.document.DocumentKind;
import dev.crmkit.service.document.DocumentRef;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.InstallEquipment;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.notification.Notification;
import dev.crmkit.service.plan.NewServicePlan;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.TermsShape;
import dev.crmkit.service.report.EngineerLoad;
import dev.crmkit.service.report.LostCustomer;
import dev.crmkit.service.report.ServiceReports;
import dev.crmkit.service.report.ServiceWeek;
import dev.crmkit.service.schedule.Anchor;
import dev.crmkit.service.schedule.PlanStatus;
import dev.crmkit.service.schedule.VisitWindow;
import dev.crmkit.service.view.AdminExtract;
import dev.crmkit.service.view.ManagerCard;
import dev.crmkit.service.view.ServiceViews;
import dev.crmkit.service.visit.ChecklistItem;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.PartUsed;
import dev.crmkit.service.visit.ScheduleVisit;
import dev.crmkit.service.visit.Scheduling;
import dev.crmkit.service.visit.SignOff;
import dev.crmkit.service.visit.Visit;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed business's service workflow end to end, with real use cases on the in-memory store wired by {@link Crmkit}:
 * the manager records an agreement (equipment, plan, a promise), a task goes to the administrator, the administrator
 * puts a visit in the engineer's calendar and the customer is told, the engineer returns results and photos, the
 * administrator records the completion, the manager reads the whole card and plans the next step; later the manager
 * leaves, the promise falls due for the new one, and the reports show the service.
 */
class ServiceLifecycleScenarioTest {

    private static final UserId MANAGER = UserId.of("manager-olga");
    private static final UserId NEW_MANAGER = UserId.of("manager-boris");
    private static final UserId ADMIN = UserId.of("admin-alla");
    private static final UserId ENGINEER = UserId.of("engineer-ivan");

    private final TestClock clock = TestClock.at("2026-08-31T10:00:00Z");
    private final InMemoryCrmStore store = InMemoryCrmStore.create();
    private final List<Notification> messages = new ArrayList<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final Crmkit crmkit = Crmkit.builder().store(store).clock(clock).ids(IdGenerator.seeded(2026))
            .defaultRegion("DE").notifications(messages::add).documentStorage((name, type, bytes) -> {
                try {
                    files.put("bucket/" + name, bytes.readAllBytes());
                    return "bucket/" + name;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).travelTime(Duration.ofMinutes(30)).build();
    private final ServiceDesk desk = crmkit.service();
    private final ServiceViews views = ServiceViews.of(crmkit.crm(), store, ZoneOffset.UTC);
    private final ServiceReports reports = ServiceReports.of(store, ZoneOffset.UTC);

    @Test
    void agreementToCompletionToNextStep_andAPromiseThatOutlivesItsManager() {
        // the manager records the agreement: the customer, the filter system and its cartridge, a plan, a promise
        ContactId anna = crmkit.crm().customers().createContact(new NewContact("Anna", "Berg",
                List.of("anna@example.com"), List.of(), "", Optional.of(MANAGER), Map.of())).id();
        ContactId tenant = crmkit.crm().customers().createContact(NewContact.of("Tom", "Mieter",
                "tom@example.com")).id();
        Site flat = new Site(new Address("Flat", "Ring 5", "10115", "Berlin", "", "DE"), Optional.of(tenant));
        Equipment system = desk.install(InstallEquipment.of(anna, "AquaPure 3", "AP3-77", flat,
                LocalDate.of(2026, 8, 31)).withWarrantyEnd(LocalDate.of(2028, 8, 31)));
        Equipment cartridge = desk.install(InstallEquipment.of(anna, "Cartridge C-10", "", flat,
                LocalDate.of(2026, 8, 31)).partOf(system.id()));
        ServicePlan plan = desk.startPlan(new NewServicePlan(cartridge.id(), Period.ofMonths(6),
                new TermsShape(Anchor.SCHEDULE, Period.ofDays(14), new VisitWindow(7, 7), Optional.empty(),
                        java.util.OptionalInt.empty()), Optional.of(ENGINEER), Money.of("40.00", "EUR")));
        assertEquals(LocalDate.of(2027, 2, 28), plan.nextDue().orElseThrow(), "31 August + 6 months clamps");
        desk.recordCommitment(new RecordCommitment(anna, "A free extra cartridge at the visit in 18 months",
                LocalDate.of(2028, 2, 15), MANAGER));

        // a task for the administrator, due when the reminder goes out
        Task arrange = desk.requestScheduling(plan.id(), ADMIN);
        assertEquals(ADMIN, arrange.assignee());
        assertEquals(Instant.parse("2027-02-14T00:00:00Z"), arrange.due());
        assertTrue(arrange.title().contains("Cartridge C-10") && arrange.title().contains("2027-02-28"));

        // the administrator's extract shows the equipment and its next service, nothing of the manager's notes
        clock.set(Instant.parse("2027-02-15T08:00:00Z"));
        AdminExtract extract = views.adminExtract(anna, LocalDate.of(2027, 2, 15));
        assertEquals("Anna Berg", extract.customer());
        assertEquals(Optional.of(LocalDate.of(2027, 2, 28)), extract.equipment().get(1).nextDue());
        assertEquals(Optional.empty(), extract.equipment().get(0).nextDue(), "the system itself has no plan");

        // the daily reminder job tells the tenant at the site, once however often it runs that day
        assertEquals(1, desk.sendDueReminders(LocalDate.of(2027, 2, 15)).sent().size());
        assertEquals(1, desk.sendDueReminders(LocalDate.of(2027, 2, 15)).alreadyReminded());
        assertEquals(List.of(Notification.Kind.SERVICE_REMINDER), messages.stream().map(Notification::kind).toList());
        assertEquals(tenant, messages.get(0).recipient());
        messages.clear();

        // the administrator puts a visit in the engineer's calendar; the tenant at the site is told
        Instant start = Instant.parse("2027-02-24T09:00:00Z");
        Visit visit = assertInstanceOf(Scheduling.Scheduled.class, desk.schedule(ScheduleVisit.forPlan(ENGINEER,
                anna, cartridge.id(), plan.id(), start, start.plus(Duration.ofHours(1))))).visit();
        crmkit.crm().tasks().complete(arrange.id());
        assertEquals(tenant, messages.get(0).recipient());
        assertEquals(Notification.Kind.VISIT_SCHEDULED, messages.get(0).kind());

        // the engineer returns results, photos, a certificate and the customer's sign-off
        clock.set(Instant.parse("2027-02-24T11:00:00Z"));
        DocumentRef before = attach(DocumentKind.PHOTO, "before.jpg", "old cartridge");
        DocumentRef after = attach(DocumentKind.PHOTO, "after.jpg", "new cartridge");
        DocumentRef certificate = attach(DocumentKind.CERTIFICATE, "water-test.pdf", "nitrate 5 mg/l");
        CompletionReport report = new CompletionReport(LocalDate.of(2027, 2, 24), "Replaced the cartridge",
                List.of(new PartUsed("Cartridge C-10", 1)), Duration.ofMinutes(40),
                List.of(new ChecklistItem("Leak test", true), new ChecklistItem("Water sample", true)),
                List.of(before, after, certificate),
                Optional.of(new SignOff("Tom Mieter", Instant.parse("2027-02-24T09:45:00Z"))),
                Money.of("40.00", "EUR"));

        // the administrator records the completion: the plan moves forward, the customer's timeline shows it
        Completion.Completed done = assertInstanceOf(Completion.Completed.class, desk.complete(visit.id(), report));
        assertEquals(LocalDate.of(2027, 8, 31), done.plan().orElseThrow().nextDue().orElseThrow());
        assertEquals(Notification.Kind.VISIT_COMPLETED, messages.get(1).kind());

        // the manager reads the whole card and plans the next step
        ManagerCard card = views.managerCard(anna, LocalDate.of(2027, 2, 24));
        assertEquals(2, card.equipment().size());
        assertEquals(List.of(before, after, certificate), card.visits().get(0).report().orElseThrow().documents());
        assertEquals("Tom Mieter", card.visits().get(0).report().orElseThrow().signOff().orElseThrow().signedBy());
        assertEquals(1, card.commitments().size());
        assertTrue(card.timeline().stream().anyMatch(a -> a.subject().startsWith("Service visit completed")));
        assertInstanceOf(PlanStatus.Upcoming.class, card.plans().get(0).status());
        Task next = desk.requestScheduling(plan.id(), ADMIN);
        assertEquals(Instant.parse("2027-08-17T00:00:00Z"), next.due());

        // reports of the period
        List<EngineerLoad> load = reports.engineerLoad(Instant.parse("2027-02-01T00:00:00Z"),
                Instant.parse("2027-03-01T00:00:00Z"));
        assertEquals(List.of(new EngineerLoad(ENGINEER, 1, 1, Duration.ofHours(1), Duration.ofMinutes(40))), load);
        assertEquals(List.of(Money.of("40.00", "EUR")), reports.serviceRevenue(LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 2, 28)));
        ServiceWeek dueWeek = reports.week(LocalDate.of(2027, 9, 1));
        assertEquals(LocalDate.of(2027, 8, 30), dueWeek.monday());
        assertEquals(LocalDate.of(2027, 8, 31), dueWeek.due().get(0).due());
        ServiceWeek lateWeek = reports.week(LocalDate.of(2027, 9, 13));
        assertEquals(13, lateWeek.overdue().get(0).daysOverdue(), "13 days past 31 August on Monday 13 September");

        // the manager leaves; the promise falls due for whoever owns the customer then
        Contact owned = crmkit.crm().customers().contact(anna).orElseThrow();
        store.transactions().inTransaction(() -> store.contacts().update(owned.withOwner(Optional.of(NEW_MANAGER),
                clock.instant())));
        Handover.HandedOver handed = assertInstanceOf(Handover.HandedOver.class,
                desk.handOverDueCommitments(LocalDate.of(2028, 2, 15)).get(0));
        assertEquals(NEW_MANAGER, handed.task().assignee());
        assertEquals(TaskStatus.OPEN, handed.task().status());

        // with no service since February 2027, a year later the customer counts as lost
        List<LostCustomer> lost = reports.lostCustomers(LocalDate.of(2028, 3, 1), Period.ofMonths(9));
        assertEquals(List.of(new LostCustomer(anna, LocalDate.of(2027, 2, 24), 371)), lost);
    }

    private DocumentRef attach(DocumentKind kind, String name, String content) {
        return desk.attach(kind, name, kind == DocumentKind.PHOTO ? "image/jpeg" : "application/pdf",
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
