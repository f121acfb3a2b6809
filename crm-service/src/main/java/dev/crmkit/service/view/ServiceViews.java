package dev.crmkit.service.view;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.service.ServiceStore;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.schedule.PlanStatus;
import dev.crmkit.service.visit.Visit;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Role-shaped views of a service customer, read from the Crm's store and a {@link ServiceStore}: the manager's whole
 * {@link ManagerCard card} and the administrator's short {@link AdminExtract extract}. Thread-safe.
 */
public final class ServiceViews {

    /** How many timeline entries the manager's card shows. */
    public static final int TIMELINE_ENTRIES = 20;

    private final Crm crm;
    private final ServiceStore store;
    private final ZoneId zone;

    private ServiceViews(Crm crm, ServiceStore store, ZoneId zone) {
        this.crm = crm;
        this.store = store;
        this.zone = zone;
    }

    /** The views over a Crm and a service store, with days in the given zone. */
    public static ServiceViews of(Crm crm, ServiceStore store, ZoneId zone) {
        return new ServiceViews(Objects.requireNonNull(crm, "crm"), Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(zone, "zone"));
    }

    /**
     * The manager's card of a customer on a day.
     *
     * @throws ValidationException if there is no such contact
     */
    public ManagerCard managerCard(ContactId customer, LocalDate day) {
        Contact contact = contact(customer);
        List<PlanLine> plans = store.servicePlans().ofCustomer(customer).stream()
                .map(p -> new PlanLine(p, p.statusOn(day))).toList();
        return new ManagerCard(contact, store.installedEquipment().ofCustomer(customer), plans,
                store.serviceRequests().ofCustomer(customer), store.visits().ofCustomer(customer),
                store.commitments().ofCustomer(customer),
                crm.timeline().of(new RecordRef(RecordType.CONTACT, customer.value()), TimelineFilter.everything(),
                        PageRequest.first(TIMELINE_ENTRIES)).items());
    }

    /**
     * The administrator's extract of a customer on a day.
     *
     * @throws ValidationException if there is no such contact
     */
    public AdminExtract adminExtract(ContactId customer, LocalDate day) {
        Contact contact = contact(customer);
        List<ServicePlan> plans = store.servicePlans().ofCustomer(customer).stream().filter(ServicePlan::active)
                .toList();
        List<AdminExtract.EquipmentLine> equipment = store.installedEquipment().ofCustomer(customer).stream()
                .map(e -> line(e, plans, day)).toList();
        List<AdminExtract.RequestLine> open = store.serviceRequests().ofCustomer(customer).stream()
                .filter(r -> r.open()).map(r -> new AdminExtract.RequestLine(r.summary(),
                        r.priority().name().toLowerCase(Locale.ROOT), r.respondBy())).toList();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(zone).toInstant();
        List<AdminExtract.VisitLine> visits = store.visits().ofCustomer(customer).stream()
                .filter(v -> !v.start().isBefore(from) && v.start().isBefore(to))
                .map(ServiceViews::line).toList();
        return new AdminExtract(contact.name().full(), equipment, open, visits);
    }

    private static AdminExtract.EquipmentLine line(Equipment e, List<ServicePlan> plans, LocalDate day) {
        List<ServicePlan> own = plans.stream().filter(p -> p.equipment().equals(e.id())).toList();
        Optional<LocalDate> next = own.stream().map(ServicePlan::nextDue).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        boolean overdue = own.stream().anyMatch(p -> p.statusOn(day) instanceof PlanStatus.Overdue);
        String site = e.site().address().street() + ", " + e.site().address().city();
        return new AdminExtract.EquipmentLine(e.product(), e.serialNumber(), site, next, overdue);
    }

    private static AdminExtract.VisitLine line(Visit v) {
        return new AdminExtract.VisitLine(v.start(), v.engineer().value(),
                v.status().name().toLowerCase(Locale.ROOT));
    }

    private Contact contact(ContactId customer) {
        Objects.requireNonNull(customer, "customer");
        return crm.store().contacts().findById(customer).orElseThrow(() -> new ValidationException(List.of(
                new Violation("customer", "exists", "names no contact (" + customer + ")"))));
    }
}
