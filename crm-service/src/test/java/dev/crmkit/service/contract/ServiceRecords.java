package dev.crmkit.service.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.service.commitment.RecordCommitment;
import dev.crmkit.service.document.DocumentKind;
import dev.crmkit.service.document.DocumentRef;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.InstallEquipment;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.plan.NewServicePlan;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.TermsShape;
import dev.crmkit.service.request.OpenRequest;
import dev.crmkit.service.request.Priority;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.Sla;
import dev.crmkit.service.schedule.Anchor;
import dev.crmkit.service.schedule.VisitWindow;
import dev.crmkit.service.visit.ScheduleVisit;
import dev.crmkit.service.visit.Scheduling;
import dev.crmkit.service.visit.Visit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Fills a store that holds contacts with one of every crm-service record, through the {@link ServiceDesk} with a
 * fixed clock and seeded ids, so stores of every kind filled from the same contacts hold the same records: equipment
 * with a part, a plan moved on by a completed visit (its report with a document, parts, checklist and sign-off), a
 * scheduled and a cancelled visit, a responded and resolved request, an open and a handed-over commitment, and a
 * reminder mark. For export round trips.
 */
public final class ServiceRecords {

    private ServiceRecords() {
    }

    /** Adds the records; the store must hold at least two contacts, one with an owner. */
    public static void fill(ServiceStores stores, long seed) {
        TestClock clock = TestClock.at("2027-01-10T09:00:00Z");
        Crm crm = Crm.builder().store(stores.crm()).clock(clock).ids(IdGenerator.seeded(seed)).defaultRegion("DE")
                .build();
        ServiceDesk desk = ServiceDesk.builder().crm(crm).store(stores.service())
                .documentStorage((name, type, bytes) -> "docs/" + name).build();
        List<Contact> people = stores.crm().contacts().findAll(PageRequest.first(50)).items();
        Contact owned = people.stream().filter(c -> c.owner().isPresent()).findFirst().orElseThrow();
        ContactId customer = owned.id();
        ContactId onSite = people.stream().map(Contact::id).filter(id -> !id.equals(customer)).findFirst()
                .orElseThrow();
        Site site = new Site(new Address("Flat", "Ring 5", "10115", "Berlin", "", "DE"), Optional.of(onSite));
        Equipment system = desk.install(InstallEquipment.of(customer, "AquaPure 3", "AP3-77", site,
                LocalDate.of(2026, 7, 31)).withWarrantyEnd(LocalDate.of(2028, 7, 31)));
        Equipment cartridge = desk.install(InstallEquipment.of(customer, "Cartridge C-10", "", site,
                LocalDate.of(2026, 7, 31)).partOf(system.id()));
        ServicePlan plan = desk.startPlan(new NewServicePlan(cartridge.id(), Period.ofMonths(6),
                new TermsShape(Anchor.SCHEDULE, Period.ofDays(14), new VisitWindow(3, 7),
                        Optional.of(LocalDate.of(2030, 12, 31)), OptionalInt.of(8)),
                Optional.of(UserId.of("engineer-ivan")), Money.of("40.00", "EUR")));
        ServiceRequest request = desk.openRequest(new OpenRequest(customer, Optional.of(system.id()), "phone",
                Priority.HIGH, "Water tastes of chlorine", new Sla(Duration.ofHours(4), Duration.ofDays(2))));
        clock.advance(Duration.ofHours(1));
        desk.respond(request.id());
        Instant start = Instant.parse("2027-01-20T09:00:00Z");
        Visit visit = ((Scheduling.Scheduled) desk.schedule(new ScheduleVisit(UserId.of("engineer-ivan"), customer,
                Optional.of(cartridge.id()), Optional.of(plan.id()), Optional.of(request.id()), start,
                start.plus(Duration.ofHours(1))))).visit();
        DocumentRef photo = desk.attach(DocumentKind.PHOTO, "after.jpg", "image/jpeg",
                new ByteArrayInputStream("the new cartridge".getBytes(StandardCharsets.UTF_8)));
        clock.set(Instant.parse("2027-01-20T11:00:00Z"));
        desk.complete(visit.id(), new ServiceFixtures().report(LocalDate.of(2027, 1, 20))
                .withDocuments(List.of(photo)));
        desk.schedule(ScheduleVisit.forPlan(UserId.of("engineer-ivan"), customer, cartridge.id(), plan.id(),
                Instant.parse("2027-07-20T09:00:00Z"), Instant.parse("2027-07-20T10:00:00Z")));
        Visit dropped = ((Scheduling.Scheduled) desk.schedule(ScheduleVisit.forPlan(UserId.of("engineer-olga"),
                customer, cartridge.id(), plan.id(), Instant.parse("2027-07-21T09:00:00Z"),
                Instant.parse("2027-07-21T10:00:00Z")))).visit();
        desk.cancel(dropped.id());
        desk.recordCommitment(new RecordCommitment(customer, "A free extra cartridge", LocalDate.of(2027, 1, 25),
                UserId.of("manager-olga")));
        desk.recordCommitment(new RecordCommitment(customer, "A call in a year", LocalDate.of(2028, 1, 10),
                UserId.of("manager-olga")));
        desk.handOverDueCommitments(LocalDate.of(2027, 1, 31));
        if (desk.sendDueReminders(LocalDate.of(2027, 7, 17)).sent().size() != 1) {
            throw new IllegalStateException("the plan's second occurrence was not reminded");
        }
    }
}
