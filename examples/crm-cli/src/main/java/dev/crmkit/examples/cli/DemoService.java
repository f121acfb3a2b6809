package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.examples.MutableClock;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.service.Completion;
import dev.crmkit.service.Handover;
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
import dev.crmkit.service.report.DueItem;
import dev.crmkit.service.report.ServiceReports;
import dev.crmkit.service.report.ServiceWeek;
import dev.crmkit.service.schedule.Anchor;
import dev.crmkit.service.schedule.VisitWindow;
import dev.crmkit.service.visit.ChecklistItem;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.PartUsed;
import dev.crmkit.service.visit.ScheduleVisit;
import dev.crmkit.service.visit.Scheduling;
import dev.crmkit.service.visit.SignOff;
import dev.crmkit.service.visit.Visit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The demo's service business, on three of the demo's imported contacts (so it adds no contact): a water-filter
 * customer with equipment, a six-monthly plan, a visit with photos, a certificate and the customer's sign-off, and a
 * promise made by the manager who owned the customer, taken over by the new owner; one more customer due this week
 * and one overdue. A store kept between runs gets them once.
 */
final class DemoService {

    static final String EMAIL = "lena.hoffmann@web.de";
    static final String DUE_EMAIL = "sophie.wagner@brauhaus-wagner.de";
    static final String OVERDUE_EMAIL = "lukas.fischer@outlook.com";
    static final UserId NEW_MANAGER = UserId.of("david");
    static final UserId ENGINEER = UserId.of("engineer-ivan");

    private DemoService() {
    }

    /**
     * What the demo's service part did.
     *
     * @param created    whether this run created the service customers (false: they were in the store already)
     * @param customer   the service customer's name
     * @param visit      the completed visit
     * @param nextDue    the plan's next due date after it
     * @param promisedBy who made the promise, if made in this run
     * @param handedOver the owner the due promise went to, if it fell due in this run
     * @param week       the service of the demo's week
     * @param names      the customers' names by id, for printing the week
     */
    record Result(boolean created, String customer, Optional<Visit> visit, Optional<LocalDate> nextDue,
                  Optional<UserId> promisedBy, Optional<UserId> handedOver, ServiceWeek week,
                  Map<ContactId, String> names) {

        Map<String, Object> json() {
            return JsonOutput.object("customer", customer, "createdNow", created,
                    "visit", visit.map(DemoService::json).orElse(null),
                    "nextDue", nextDue.map(LocalDate::toString).orElse(null),
                    "commitmentHandedOverTo", handedOver.map(UserId::value).orElse(null),
                    "week", week.monday().toString(),
                    "due", week.due().stream().map(d -> item(d, names)).toList(),
                    "overdue", week.overdue().stream().map(d -> item(d, names)).toList());
        }

        void print(PrintWriter out) {
            out.println();
            out.println("Service (crm-service): " + customer + (created ? "" : " (from an earlier run)"));
            visit.ifPresent(v -> {
                CompletionReport r = v.report().orElseThrow();
                out.println("  visit " + v.start() + " by " + v.engineer() + ": " + r.workDone() + "; "
                        + Counted.of(r.documents().size(), "document") + ", signed by "
                        + r.signOff().map(SignOff::signedBy).orElse("nobody"));
            });
            nextDue.ifPresent(d -> out.println("  next due " + d));
            handedOver.ifPresent(o -> out.println("  the promise of " + promisedBy.map(UserId::value).orElse("?")
                    + " is now a task for " + o + ", the customer's new owner"));
            out.println("  week of " + week.monday() + ": " + week.due().size() + " due, " + week.overdue().size()
                    + " overdue");
            week.due().forEach(d -> out.println("    due " + d.due() + "  " + names.get(d.customer())));
            week.overdue().forEach(d -> out.println("    overdue " + d.daysOverdue() + " days  "
                    + names.get(d.customer())));
        }
    }

    private static Map<String, Object> json(Visit v) {
        CompletionReport r = v.report().orElseThrow();
        return JsonOutput.object("start", v.start().toString(), "engineer", v.engineer().value(),
                "workDone", r.workDone(), "documents", r.documents().stream().map(d -> JsonOutput.object(
                        "kind", d.kind().name().toLowerCase(java.util.Locale.ROOT), "fileName", d.fileName(),
                        "sha256", d.sha256())).toList(),
                "signedBy", r.signOff().map(SignOff::signedBy).orElse(null));
    }

    private static Map<String, Object> item(DueItem d, Map<ContactId, String> names) {
        return JsonOutput.object("customer", names.get(d.customer()), "due", d.due().toString(),
                "daysOverdue", d.daysOverdue());
    }

    /** Runs the service part on the demo's store at the demo's "now". */
    static Result run(Crm crm, CrmkitStore store, MutableClock clock, Instant now, ZoneId zone) {
        Map<String, byte[]> files = new HashMap<>();
        ServiceDesk desk = ServiceDesk.builder().crm(crm).store(store).travelTime(Duration.ofMinutes(30))
                .documentStorage((name, type, bytes) -> {
                    try {
                        files.put("demo/" + name, bytes.readAllBytes());
                        return "demo/" + name;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).build();
        LocalDate today = now.atZone(zone).toLocalDate();
        Contact lena = demoContact(crm, EMAIL);
        boolean created = store.installedEquipment().ofCustomer(lena.id()).isEmpty();
        Optional<Visit> visit = Optional.empty();
        Optional<LocalDate> nextDue = Optional.empty();
        Optional<UserId> handedOver = Optional.empty();
        Optional<UserId> promisedBy = Optional.empty();
        Map<ContactId, String> names = new HashMap<>();
        String customer = lena.name().full();
        if (created) {
            clock.set(Instant.parse("2025-05-20T10:00:00Z"));
            ContactId anna = lena.id();
            UserId manager = lena.owner().orElse(UserId.of("anna"));
            promisedBy = Optional.of(manager);
            Site flat = new Site(new Address("Home", "Ring 5", "10115", "Berlin", "", "DE"), Optional.empty());
            Equipment system = desk.install(InstallEquipment.of(anna, "AquaPure 3", "AP3-77", flat,
                    LocalDate.of(2025, 5, 31)).withWarrantyEnd(LocalDate.of(2027, 5, 31)));
            Equipment cartridge = desk.install(InstallEquipment.of(anna, "Cartridge C-10", "", flat,
                    LocalDate.of(2025, 5, 31)).partOf(system.id()));
            ServicePlan plan = desk.startPlan(new NewServicePlan(cartridge.id(), Period.ofMonths(6),
                    new TermsShape(Anchor.SCHEDULE, Period.ofDays(14), new VisitWindow(7, 7), Optional.empty(),
                            OptionalInt.empty()), Optional.of(ENGINEER), Money.of("40.00", "EUR")));
            desk.recordCommitment(new RecordCommitment(anna, "A free extra cartridge at the visit 18 months after "
                    + "signing", LocalDate.of(2026, 11, 20), manager));
            clock.set(Instant.parse("2025-11-28T09:00:00Z"));
            complete(desk, plan, anna, cartridge, Instant.parse("2025-11-28T09:00:00Z"), List.of(), customer);
            clock.set(Instant.parse("2026-05-29T09:00:00Z"));
            complete(desk, plan, anna, cartridge, Instant.parse("2026-05-29T09:00:00Z"), List.of(), customer);
            clock.set(Instant.parse("2026-11-20T11:00:00Z"));
            List<DocumentRef> docs = List.of(
                    attach(desk, DocumentKind.PHOTO, "before.jpg", "the old cartridge"),
                    attach(desk, DocumentKind.PHOTO, "after.jpg", "the new cartridge"),
                    attach(desk, DocumentKind.CERTIFICATE, "water-test.pdf", "nitrate 5 mg/l, hardness 8 dH"));
            Completion.Completed done = complete(desk, plan, anna, cartridge,
                    Instant.parse("2026-11-20T09:00:00Z"), docs, customer);
            visit = Optional.of(done.visit());
            nextDue = done.plan().flatMap(ServicePlan::nextDue);
            // the manager leaves; the customer goes to another one, and the promise with the customer
            Contact owned = crm.customers().contact(anna).orElseThrow();
            store.transactions().inTransaction(() -> store.contacts().update(owned.withOwner(
                    Optional.of(NEW_MANAGER), clock.instant())));
            handedOver = desk.handOverDueCommitments(today).stream()
                    .filter(h -> h instanceof Handover.HandedOver).map(h -> ((Handover.HandedOver) h).owner())
                    .findFirst();
            plan(desk, demoContact(crm, DUE_EMAIL).id(), "Boiler B-200", LocalDate.of(2025, 11, 25),
                    Period.ofYears(1));
            plan(desk, demoContact(crm, OVERDUE_EMAIL).id(), "AquaPure 1", LocalDate.of(2026, 4, 15),
                    Period.ofMonths(6));
            clock.set(now);
        }
        ServiceWeek week = ServiceReports.of(store, zone).week(today);
        for (DueItem d : week.due()) {
            names.computeIfAbsent(d.customer(), id -> name(crm, id));
        }
        for (DueItem d : week.overdue()) {
            names.computeIfAbsent(d.customer(), id -> name(crm, id));
        }
        return new Result(created, customer, visit, nextDue, promisedBy, handedOver, week, names);
    }

    private static String name(Crm crm, ContactId id) {
        return crm.customers().contact(id).map(c -> c.name().full()).orElse(id.toString());
    }

    /** A contact the demo's import created. */
    private static Contact demoContact(Crm crm, String email) {
        return crm.customers().contactByEmail(email).orElseThrow(() -> new IllegalStateException(
                "the demo's data has no contact " + email));
    }

    private static void plan(ServiceDesk desk, ContactId customer, String product, LocalDate installed,
                             Period every) {
        Equipment e = desk.install(InstallEquipment.of(customer, product, "", Site.at(new Address("Home",
                "Hauptstr. 1", "10115", "Berlin", "", "DE")), installed));
        desk.startPlan(NewServicePlan.of(e.id(), every, Money.of("60.00", "EUR")));
    }

    private static DocumentRef attach(ServiceDesk desk, DocumentKind kind, String name, String content) {
        return desk.attach(kind, name, kind == DocumentKind.PHOTO ? "image/jpeg" : "application/pdf",
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static Completion.Completed complete(ServiceDesk desk, ServicePlan plan, ContactId customer,
                                                 Equipment equipment, Instant start, List<DocumentRef> docs,
                                                 String signedBy) {
        Scheduling s = desk.schedule(ScheduleVisit.forPlan(ENGINEER, customer, equipment.id(), plan.id(), start,
                start.plus(Duration.ofHours(1))));
        Visit visit = ((Scheduling.Scheduled) s).visit();
        LocalDate day = start.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        CompletionReport report = new CompletionReport(day, "Replaced the cartridge, tested for leaks",
                List.of(new PartUsed("Cartridge C-10", 1)), Duration.ofMinutes(40),
                List.of(new ChecklistItem("Leak test", true), new ChecklistItem("Water sample", !docs.isEmpty())),
                docs, Optional.of(new SignOff(signedBy, start.plus(Duration.ofMinutes(45)))),
                Money.of("40.00", "EUR"));
        return (Completion.Completed) desk.complete(visit.id(), report);
    }
}
