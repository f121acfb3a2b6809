package dev.crmkit.service.contract;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.CommitmentId;
import dev.crmkit.service.document.DocumentKind;
import dev.crmkit.service.document.DocumentRef;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.equipment.EquipmentStatus;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.request.Priority;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.ServiceRequestId;
import dev.crmkit.service.request.Sla;
import dev.crmkit.service.schedule.Anchor;
import dev.crmkit.service.schedule.PlanTerms;
import dev.crmkit.service.schedule.VisitWindow;
import dev.crmkit.service.visit.ChecklistItem;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.PartUsed;
import dev.crmkit.service.visit.SignOff;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitId;
import dev.crmkit.service.visit.VisitStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Records with every optional part filled, for read-back checks; ids from a counter. Not thread-safe. */
public final class ServiceFixtures {

    /** The moment the fixtures are recorded at (microsecond precision, as every store keeps). */
    public static final Instant T0 = Instant.parse("2026-11-20T09:15:30.123456Z");

    private long next = 1;

    /** A fresh UUID. */
    public UUID uuid() {
        return new UUID(0x5e41ceL, next++);
    }

    /** A site with an address and a contact person. */
    public Site site() {
        return new Site(new Address("Office", "Main street 1", "10115", "Berlin", "", "DE"),
                Optional.of(new ContactId(uuid())));
    }

    /** Equipment of a customer with every optional part filled. */
    public Equipment equipment(ContactId customer, Optional<EquipmentId> parent) {
        return new Equipment(new EquipmentId(uuid()), 0, customer, "AquaPure 3", "AP3-0042", site(),
                LocalDate.of(2026, 8, 31), Optional.of(LocalDate.of(2028, 8, 31)), parent,
                EquipmentStatus.IN_SERVICE, T0);
    }

    /** A plan for the equipment with full terms and two completions. */
    public ServicePlan plan(Equipment equipment) {
        PlanTerms terms = new PlanTerms(equipment.installedOn(), Period.ofMonths(6), Anchor.SCHEDULE,
                Period.ofDays(7), new VisitWindow(3, 5), Optional.of(LocalDate.of(2031, 12, 31)),
                OptionalInt.of(10));
        return new ServicePlan(new ServicePlanId(uuid()), 0, equipment.customer(), equipment.id(), terms,
                Optional.of(UserId.of("eng-1")), Money.of("45.50", "EUR"),
                List.of(LocalDate.of(2027, 2, 20), LocalDate.of(2027, 8, 30)), true, T0);
    }

    /** An open request with an SLA. */
    public ServiceRequest request(ContactId customer, Optional<EquipmentId> equipment, Instant openedAt) {
        return new ServiceRequest(new ServiceRequestId(uuid()), 0, customer, equipment, "phone", Priority.HIGH,
                "Water tastes of chlorine", new Sla(Duration.ofHours(4), Duration.ofDays(2)), openedAt,
                Optional.empty(), Optional.empty());
    }

    /** A scheduled visit of an engineer. */
    public Visit visit(UserId engineer, ContactId customer, Instant start, Duration length) {
        return new Visit(new VisitId(uuid()), 0, engineer, customer, Optional.empty(), Optional.empty(),
                Optional.empty(), start, start.plus(length), VisitStatus.SCHEDULED, Optional.empty(), T0);
    }

    /** A full completion report with parts, checklist, two documents and a sign-off. */
    public CompletionReport report(LocalDate on) {
        return new CompletionReport(on, "Replaced the cartridge, tested the flow",
                List.of(new PartUsed("Cartridge C-10", 1), new PartUsed("O-ring", 2)), Duration.ofMinutes(45),
                List.of(new ChecklistItem("Pressure test", true), new ChecklistItem("Water sample", false)),
                List.of(new DocumentRef("photos/1.jpg", DocumentKind.PHOTO, "before.jpg", "image/jpeg", 1234,
                                "a".repeat(64)),
                        new DocumentRef("certs/9.pdf", DocumentKind.CERTIFICATE, "cert.pdf", "application/pdf", 99,
                                "0123456789abcdef".repeat(4))),
                Optional.of(new SignOff("Maria Muster", Instant.parse("2027-02-20T11:00:00Z"))),
                Money.of("45.50", "EUR"));
    }

    /** An open commitment. */
    public Commitment commitment(ContactId customer, LocalDate due) {
        return new Commitment(new CommitmentId(uuid()), 0, customer, "A free extra filter at the next visit", due,
                UserId.of("manager-1"), T0, Optional.empty());
    }

    /** A task id, for handing a commitment over. */
    public TaskId taskId() {
        return new TaskId(uuid());
    }
}
