package dev.crmkit.service.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.task.Task;
import dev.crmkit.service.Completion;
import dev.crmkit.service.Handover;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.RecordCommitment;
import dev.crmkit.service.document.DocumentKind;
import dev.crmkit.service.document.DocumentRef;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.InstallEquipment;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.notification.Notification;
import dev.crmkit.service.plan.NewServicePlan;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.request.OpenRequest;
import dev.crmkit.service.request.Priority;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.Sla;
import dev.crmkit.service.schedule.Anchor;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.ScheduleVisit;
import dev.crmkit.service.visit.SignOff;
import dev.crmkit.service.visit.Scheduling;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of crm-service's use cases on a store: what {@link ServiceDesk} promises (refusals leave the store as
 * it was, the calendar refuses clashes with travel time, a completion moves the plan and reaches the timeline,
 * commitments go to whoever owns the customer when due) holds on every store. Extend it with a class that returns a
 * fresh, empty store.
 */
public abstract class ServiceDeskContract {

    /** A fresh, empty store; called before every test. */
    protected abstract ServiceStores newStore();

    private static final Instant NOW = Instant.parse("2027-02-10T08:00:00Z");
    private static final UserId ENGINEER = UserId.of("engineer-ivan");

    private ServiceStores stores;
    private Crm crm;
    private ServiceDesk desk;
    private TestClock clock;
    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private ContactId customer;
    private ContactId tenant;

    @BeforeEach
    void wire() {
        stores = newStore();
        clock = TestClock.at(NOW.toString());
        crm = Crm.builder().store(stores.crm()).clock(clock).ids(IdGenerator.seeded(14)).defaultRegion("DE").build();
        desk = ServiceDesk.builder().crm(crm).store(stores.service()).notifications(sent::add)
                .documentStorage(this::storeBytes).travelTime(Duration.ofMinutes(30)).build();
        customer = contact("Anna", "Owner", Optional.of(UserId.of("manager-olga"))).id();
        tenant = contact("Tom", "Tenant", Optional.empty()).id();
    }

    private String storeBytes(String fileName, String mediaType, InputStream bytes) {
        try {
            byte[] all = bytes.readAllBytes();
            String key = "docs/" + stored.size() + "/" + fileName;
            stored.put(key, all);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Contact contact(String first, String last, Optional<UserId> owner) {
        return crm.customers().createContact(new NewContact(first, last,
                List.of(first.toLowerCase() + "@example.com"), List.of(), "", owner, Map.of()));
    }

    private Equipment filter() {
        return desk.install(InstallEquipment.of(customer, "AquaPure 3", "AP3-1",
                new Site(new Address("Flat", "Ring 5", "10115", "Berlin", "", "DE"), Optional.of(tenant)),
                LocalDate.of(2026, 8, 31)));
    }

    private ServicePlan plan(Equipment equipment) {
        return desk.startPlan(NewServicePlan.of(equipment.id(), Period.ofMonths(6), Money.of("40.00", "EUR"))
                .withTerms(dev.crmkit.service.plan.TermsShape.DEFAULT.withAnchor(Anchor.SCHEDULE)));
    }

    private Scheduling visitAt(Equipment equipment, ServicePlan plan, UserId engineer, String start, int minutes) {
        Instant from = Instant.parse(start);
        return desk.schedule(ScheduleVisit.forPlan(engineer, customer, equipment.id(), plan.id(), from,
                from.plus(Duration.ofMinutes(minutes))));
    }

    @Test
    void install_unknownCustomerAndParent_isRefusedNamingEachField_andStoresNothing() {
        ContactId nobody = new ContactId(new java.util.UUID(9, 9));
        InstallEquipment command = InstallEquipment.of(nobody, "Boiler", "", Site.at(
                new Address("", "x", "1", "y", "", "DE")), LocalDate.of(2026, 1, 1))
                .partOf(new dev.crmkit.service.equipment.EquipmentId(new java.util.UUID(9, 8)));
        ValidationException e = assertThrows(ValidationException.class, () -> desk.install(command));
        assertEquals(List.of("customer", "parent"), e.violations().stream().map(v -> v.field()).toList());
        assertEquals(List.of(), desk.equipmentOf(nobody));
    }

    @Test
    void textsNoStoreCanHold_areRefusedNamingTheField_andStoreNothing() {
        ValidationException install = assertThrows(ValidationException.class, () -> desk.install(
                InstallEquipment.of(customer, "Filter\u0000", "x".repeat(101), Site.at(
                        new Address("", "x", "1", "y", "", "DE")), LocalDate.of(2026, 1, 1))));
        assertEquals(List.of("product", "serialNumber"), install.violations().stream().map(v -> v.field()).toList());
        assertEquals(List.of(), desk.equipmentOf(customer));
        Equipment equipment = filter();
        ServicePlan plan = plan(equipment);
        Visit visit = ((Scheduling.Scheduled) visitAt(equipment, plan, ENGINEER, "2027-02-20T09:00:00Z", 60))
                .visit();
        CompletionReport bad = new ServiceFixtures().report(LocalDate.of(2027, 2, 20));
        CompletionReport hostile = new CompletionReport(bad.completedOn(), "done\u0000", bad.parts(),
                bad.timeOnSite(), bad.checklist(), bad.documents(), Optional.of(new SignOff("\ud800", NOW)),
                bad.charged());
        ValidationException report = assertThrows(ValidationException.class, () -> desk.complete(visit.id(),
                hostile));
        assertEquals(List.of("workDone", "signOff.signedBy"), report.violations().stream().map(v -> v.field())
                .toList());
        assertEquals(VisitStatus.SCHEDULED, desk.visitsOf(customer).get(0).status());
    }

    @Test
    void startPlan_countsFromTheInstallationDay_withMonthEndClamping() {
        Equipment equipment = filter();
        ServicePlan plan = plan(equipment);
        assertEquals(LocalDate.of(2027, 2, 28), plan.nextDue().orElseThrow());
        assertEquals(List.of(plan), desk.plansOf(customer));
    }

    @Test
    void schedule_tellsThePersonAtTheSite_andPutsTheVisitOnTheTimeline() {
        Equipment equipment = filter();
        Scheduling s = visitAt(equipment, plan(equipment), ENGINEER, "2027-02-20T09:00:00Z", 60);
        Visit visit = assertInstanceOf(Scheduling.Scheduled.class, s).visit();
        assertEquals(List.of(visit), desk.calendar(ENGINEER, Instant.parse("2027-02-20T00:00:00Z"),
                Instant.parse("2027-02-21T00:00:00Z")));
        assertEquals(1, sent.size());
        assertEquals(tenant, sent.get(0).recipient());
        assertEquals(Notification.Kind.VISIT_SCHEDULED, sent.get(0).kind());
        assertTrue(timeline().stream().anyMatch(a -> a.type() == ActivityType.MEETING
                && a.subject().startsWith("Service visit scheduled")));
    }

    @Test
    void schedule_withinTheTravelTimeOfAnotherVisit_isAClash_andStoresNothing() {
        Equipment equipment = filter();
        ServicePlan plan = plan(equipment);
        Visit first = ((Scheduling.Scheduled) visitAt(equipment, plan, ENGINEER, "2027-02-20T09:00:00Z", 60))
                .visit();
        Scheduling tooClose = visitAt(equipment, plan, ENGINEER, "2027-02-20T10:20:00Z", 60);
        assertEquals(new Scheduling.Clash(List.of(first)), tooClose);
        assertEquals(1, desk.visitsOf(customer).size());
        // after the travel time it fits, and another engineer is free at the same time
        assertInstanceOf(Scheduling.Scheduled.class, visitAt(equipment, plan, ENGINEER, "2027-02-20T10:30:00Z",
                60));
        assertInstanceOf(Scheduling.Scheduled.class, visitAt(equipment, plan, UserId.of("engineer-2"),
                "2027-02-20T09:00:00Z", 60));
    }

    @Test
    void cancel_freesTheCalendar() {
        Equipment equipment = filter();
        ServicePlan plan = plan(equipment);
        Visit first = ((Scheduling.Scheduled) visitAt(equipment, plan, ENGINEER, "2027-02-20T09:00:00Z", 60))
                .visit();
        assertEquals(VisitStatus.CANCELLED, desk.cancel(first.id()).status());
        assertInstanceOf(Scheduling.Scheduled.class, visitAt(equipment, plan, ENGINEER, "2027-02-20T09:00:00Z",
                60));
    }

    @Test
    void complete_movesThePlanForward_reachesTheTimeline_andTellsTheCustomer() {
        Equipment equipment = filter();
        ServicePlan plan = plan(equipment);
        Visit visit = ((Scheduling.Scheduled) visitAt(equipment, plan, ENGINEER, "2027-02-20T09:00:00Z", 60))
                .visit();
        DocumentRef photo = desk.attach(DocumentKind.PHOTO, "after.jpg", "image/jpeg",
                new ByteArrayInputStream("jpeg bytes".getBytes(StandardCharsets.UTF_8)));
        Completion completion = desk.complete(visit.id(), new ServiceFixtures().report(LocalDate.of(2027, 2, 20))
                .withDocuments(List.of(photo)));
        Completion.Completed done = assertInstanceOf(Completion.Completed.class, completion);
        assertEquals(VisitStatus.COMPLETED, done.visit().status());
        assertEquals(LocalDate.of(2027, 8, 31), done.plan().orElseThrow().nextDue().orElseThrow());
        assertEquals(done.plan().get(), desk.plan(plan.id()).orElseThrow());
        assertEquals(List.of(photo), desk.visitsOf(customer).get(0).report().orElseThrow().documents());
        assertTrue(timeline().stream().anyMatch(a -> a.subject().startsWith("Service visit completed")));
        assertEquals(Notification.Kind.VISIT_COMPLETED, sent.get(sent.size() - 1).kind());
        // a second report of the same visit is refused and changes nothing
        Completion again = desk.complete(visit.id(), new ServiceFixtures().report(LocalDate.of(2027, 2, 21)));
        assertInstanceOf(Completion.Refused.class, again);
        assertEquals(done.plan().get(), desk.plan(plan.id()).orElseThrow());
    }

    @Test
    void complete_beforeTheInstallationDay_isRefused_andLeavesTheVisitScheduled() {
        Equipment equipment = filter();
        ServicePlan plan = plan(equipment);
        Visit visit = ((Scheduling.Scheduled) visitAt(equipment, plan, ENGINEER, "2027-02-20T09:00:00Z", 60))
                .visit();
        ValidationException e = assertThrows(ValidationException.class, () -> desk.complete(visit.id(),
                new ServiceFixtures().report(LocalDate.of(2026, 1, 1))));
        assertEquals("completedOn", e.violations().get(0).field());
        assertEquals(VisitStatus.SCHEDULED, desk.visitsOf(customer).get(0).status());
        assertEquals(plan, desk.plan(plan.id()).orElseThrow());
    }

    @Test
    void attach_keepsSizeAndSha256_andPassesTheBytesToTheHost() {
        byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
        DocumentRef ref = desk.attach(DocumentKind.CERTIFICATE, "cert.pdf", "application/pdf",
                new ByteArrayInputStream(bytes));
        // the SHA-256 of "abc" from FIPS 180-2
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ref.sha256());
        assertEquals(3, ref.size());
        assertEquals("abc", new String(stored.get(ref.storageKey()), StandardCharsets.US_ASCII));
    }

    @Test
    void request_isOnTheTimeline_andItsSlaRunsFromItsOpening() {
        ServiceRequest request = desk.openRequest(new OpenRequest(customer, Optional.empty(), "messenger",
                Priority.URGENT, "No water", new Sla(Duration.ofHours(2), Duration.ofHours(24))));
        assertEquals(NOW.plus(Duration.ofHours(2)), request.respondBy());
        assertTrue(timeline().stream().anyMatch(a -> a.type() == ActivityType.SUPPORT_TICKET));
        clock.advance(Duration.ofHours(3));
        ServiceRequest responded = desk.respond(request.id());
        assertTrue(responded.slaBreachedAt(clock.instant()), "responded after 3 h of 2 h allowed");
        ServiceRequest resolved = desk.resolve(request.id());
        assertEquals(List.of(resolved), desk.requestsOf(customer));
    }

    @Test
    void commitment_fallsDueAsATaskForTheCurrentOwner_once() {
        Commitment promise = desk.recordCommitment(new RecordCommitment(customer,
                "A free extra filter in 18 months", LocalDate.of(2028, 8, 10), UserId.of("manager-olga")));
        // the manager leaves; the customer is handed to another one
        Contact anna = crm.customers().contact(customer).orElseThrow();
        stores.crm().transactions().inTransaction(() -> stores.crm().contacts().update(
                anna.withOwner(Optional.of(UserId.of("manager-boris")), NOW)));
        assertEquals(List.of(), desk.handOverDueCommitments(LocalDate.of(2028, 8, 9)));
        List<Handover> handed = desk.handOverDueCommitments(LocalDate.of(2028, 8, 10));
        Handover.HandedOver h = assertInstanceOf(Handover.HandedOver.class, handed.get(0));
        assertEquals(UserId.of("manager-boris"), h.owner());
        Task task = stores.crm().tasks().findById(h.task().id()).orElseThrow();
        assertEquals(UserId.of("manager-boris"), task.assignee());
        assertTrue(task.title().contains("free extra filter"));
        assertEquals(h.commitment(), desk.commitmentsOf(customer).get(0));
        assertEquals(promise.id(), h.commitment().id());
        assertEquals(List.of(), desk.handOverDueCommitments(LocalDate.of(2029, 1, 1)), "handed over once");
    }

    @Test
    void commitment_survivesAReImportOfTheCustomer_andFallsDueForWhoeverOwnsTheCustomerThen() {
        Commitment forTom = desk.recordCommitment(new RecordCommitment(tenant, "Call in a year",
                LocalDate.of(2028, 2, 1), UserId.of("manager-olga")));
        Commitment forAnna = desk.recordCommitment(new RecordCommitment(customer, "A free extra filter",
                LocalDate.of(2028, 2, 1), UserId.of("manager-olga")));
        // both are imported again (a CSV row, de-duplicated by e-mail onto the existing contacts), naming an owner
        for (String email : List.of("tom@example.com", "anna@example.com")) {
            CaptureOutcome imported = crm.capture().capture(LeadSubmission.from(Channel.IMPORT)
                    .name(email.startsWith("tom") ? "Tom" : "Anna", "Imported").email(email)
                    .owner(UserId.of("manager-carla")).build());
            assertEquals(email.startsWith("tom") ? tenant : customer, assertInstanceOf(
                    CaptureOutcome.NewLeadExistingContact.class, imported).contact().id());
        }
        assertEquals(List.of(forTom), desk.commitmentsOf(tenant), "the import kept the contact and its promise");
        assertEquals(List.of(forAnna), desk.commitmentsOf(customer));
        // Anna is transferred to another owner after the import; Tom, who had none, got the import's owner
        Contact anna = crm.customers().contact(customer).orElseThrow();
        assertEquals(Optional.of(UserId.of("manager-olga")), anna.owner(), "an import does not overwrite an owner");
        stores.crm().transactions().inTransaction(() -> stores.crm().contacts().update(
                anna.withOwner(Optional.of(UserId.of("manager-boris")), NOW)));
        Map<ContactId, UserId> owners = new java.util.HashMap<>();
        for (Handover h : desk.handOverDueCommitments(LocalDate.of(2028, 2, 1))) {
            Handover.HandedOver handed = assertInstanceOf(Handover.HandedOver.class, h);
            assertEquals(handed.owner(), stores.crm().tasks().findById(handed.task().id()).orElseThrow().assignee());
            owners.put(handed.commitment().customer(), handed.owner());
        }
        assertEquals(Map.of(tenant, UserId.of("manager-carla"), customer, UserId.of("manager-boris")), owners);
    }

    @Test
    void commitment_ofACustomerMergedIntoAnother_fallsDueForTheSurvivorsOwner_aboutTheSurvivor() {
        desk.recordCommitment(new RecordCommitment(tenant, "Call in a year", LocalDate.of(2028, 2, 1),
                UserId.of("manager-olga")));
        assertInstanceOf(dev.crmkit.core.merge.MergeOutcome.Merged.class, crm.merging().merge(
                dev.crmkit.core.merge.MergeContacts.into(customer, List.of(customer, tenant))));
        Handover.HandedOver h = assertInstanceOf(Handover.HandedOver.class,
                desk.handOverDueCommitments(LocalDate.of(2028, 2, 1)).get(0));
        assertEquals(UserId.of("manager-olga"), h.owner());
        Task task = stores.crm().tasks().findById(h.task().id()).orElseThrow();
        assertEquals(Optional.of(new dev.crmkit.core.kernel.RecordRef(dev.crmkit.core.kernel.RecordType.CONTACT,
                customer.value())), task.relatedTo());
    }

    /**
     * A merge of contacts re-points crm-service's records of the merged-away contact (equipment, plan, request, visit,
     * commitment) to the survivor in its unit of work, and unmerge puts each back exactly (customer and version).
     */
    @Test
    void contactMerge_repointsEveryServiceRecordOfTheMergedAwayContact_andUnmergePutsThemBackExactly() {
        ContactId dup = contact("Annie", "Duplicate", Optional.empty()).id();
        Equipment unit = desk.install(InstallEquipment.of(dup, "AquaPure 3", "AP3-9", Site.at(
                new Address("", "Ring 5", "10115", "Berlin", "", "DE")), LocalDate.of(2026, 8, 31)));
        ServicePlan plan = plan(unit);
        ServiceRequest request = desk.openRequest(new OpenRequest(dup, Optional.of(unit.id()), "phone",
                Priority.NORMAL, "Leaks", new Sla(Duration.ofHours(8), Duration.ofHours(48))));
        Instant from = Instant.parse("2027-02-15T09:00:00Z");
        Visit visit = assertInstanceOf(Scheduling.Scheduled.class, desk.schedule(ScheduleVisit.forPlan(ENGINEER,
                dup, unit.id(), plan.id(), from, from.plus(Duration.ofHours(1))))).visit();
        Commitment promise = desk.recordCommitment(new RecordCommitment(dup, "Call in a year",
                LocalDate.of(2028, 2, 1), UserId.of("manager-olga")));
        List<Object> before = serviceRecords(unit, plan, request, visit, promise);

        dev.crmkit.core.merge.ContactMerge merge = assertInstanceOf(dev.crmkit.core.merge.MergeOutcome.Merged.class,
                crm.merging().merge(dev.crmkit.core.merge.MergeContacts.into(customer, List.of(customer, dup))))
                .merge();

        List<Object> after = serviceRecords(unit, plan, request, visit, promise);
        assertEquals(customer, ((Equipment) after.get(0)).customer());
        assertEquals(customer, ((ServicePlan) after.get(1)).customer());
        assertEquals(customer, ((ServiceRequest) after.get(2)).customer());
        assertEquals(customer, ((Visit) after.get(3)).customer());
        assertEquals(customer, ((Commitment) after.get(4)).customer());
        assertTrue(merge.repointed().stream().map(r -> r.kind().name()).toList().containsAll(List.of("EQUIPMENT",
                "SERVICE_PLAN", "SERVICE_REQUEST", "VISIT", "COMMITMENT")), merge.repointed()::toString);
        assertEquals(List.of(), desk.commitmentsOf(dup).stream().filter(c -> c.customer().equals(dup)).toList());
        assertInstanceOf(dev.crmkit.core.merge.UnmergeOutcome.Unmerged.class, crm.merging().unmerge(merge.id()));
        dev.crmkit.core.contract.Restored.assertRestored(before, serviceRecords(unit, plan, request, visit, promise),
                List.of(unit.id(), plan.id(), request.id(), visit.id(), promise.id()), // the undo wrote each back
                clock.instant());
    }

    /** The service records as stored now. */
    private List<Object> serviceRecords(Equipment unit, ServicePlan plan, ServiceRequest request, Visit visit,
                                        Commitment promise) {
        return List.of(stores.service().installedEquipment().findById(unit.id()).orElseThrow(),
                stores.service().servicePlans().findById(plan.id()).orElseThrow(),
                stores.service().serviceRequests().findById(request.id()).orElseThrow(),
                stores.service().visits().findById(visit.id()).orElseThrow(),
                stores.service().commitments().findById(promise.id()).orElseThrow());
    }

    @Test
    void commitment_ofACustomerWithoutOwner_staysOpen() {
        desk.recordCommitment(new RecordCommitment(tenant, "Call in a year", LocalDate.of(2028, 2, 1),
                UserId.of("manager-olga")));
        Handover h = desk.handOverDueCommitments(LocalDate.of(2028, 2, 1)).get(0);
        assertInstanceOf(Handover.NoOwner.class, h);
        assertTrue(desk.commitmentsOf(tenant).get(0).open());
        assertEquals(1, desk.handOverDueCommitments(LocalDate.of(2028, 3, 1)).size(), "offered again");
    }

    private List<Activity> timeline() {
        return crm.timeline().of(new dev.crmkit.core.kernel.RecordRef(dev.crmkit.core.kernel.RecordType.CONTACT, customer.value()), TimelineFilter.everything(),
                PageRequest.first(100)).items();
    }
}
