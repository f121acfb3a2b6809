package dev.crmkit.service;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.notification.Notification;
import dev.crmkit.service.notification.Notifications;
import dev.crmkit.service.visit.ScheduleVisit;
import dev.crmkit.service.visit.Scheduling;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitId;
import dev.crmkit.service.visit.VisitStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engineers' calendars: a visit goes in only if no visit of the same engineer is closer than the travel time,
 * checked after the store holds the engineer's calendar ({@link dev.crmkit.service.visit.Visits#lockCalendar}), so
 * two schedulings cannot both pass the check.
 */
final class Calendar {

    /** How often a scheduling that lost a conflict with a concurrent one is tried, in all. */
    static final int ATTEMPTS = 5;

    private final Crm crm;
    private final ServiceStore store;
    private final CustomerTimeline timeline;
    private final Notifications notifications;
    private final Duration travel;

    Calendar(Crm crm, ServiceStore store, CustomerTimeline timeline, Notifications notifications, Duration travel) {
        this.crm = crm;
        this.store = store;
        this.timeline = timeline;
        this.notifications = notifications;
        this.travel = travel;
    }

    Scheduling schedule(ScheduleVisit command) {
        ValidationException.throwIfAny(command.violations());
        // a database may pick one of two schedulings that wait for the same calendar row as a deadlock victim: retried
        Scheduling outcome = store.transactions().inTransactionRetrying(ATTEMPTS, () -> {
            checkReferences(command);
            Visit candidate = new Visit(new VisitId(crm.ids().next()), 0, command.engineer(), command.customer(),
                    command.equipment(), command.plan(), command.request(), command.start(), command.end(),
                    VisitStatus.SCHEDULED, Optional.empty(), crm.clock().instant());
            store.visits().lockCalendar(command.engineer());
            List<Visit> clashes = store.visits()
                    .ofEngineer(command.engineer(), command.start().minus(travel), command.end().plus(travel))
                    .stream().filter(v -> v.holdsCalendar() && v.clashesWith(candidate, travel)).toList();
            if (!clashes.isEmpty()) {
                return new Scheduling.Clash(clashes);
            }
            Visit visit = store.visits().insert(candidate);
            timeline.log(command.customer(), ActivityType.MEETING, Direction.OUTBOUND,
                    "Service visit scheduled for " + command.start() + " (engineer " + command.engineer() + ")",
                    "Until " + command.end(), candidate.createdAt());
            return new Scheduling.Scheduled(visit);
        });
        if (outcome instanceof Scheduling.Scheduled scheduled) {
            Visit visit = scheduled.visit();
            notifications.send(new Notification(Notification.Kind.VISIT_SCHEDULED, recipient(visit),
                    "Service visit on " + visit.start(), "Our engineer will visit you from " + visit.start()
                    + " to " + visit.end() + "."));
        }
        return outcome;
    }

    Visit cancel(VisitId id) {
        return store.transactions().inTransaction(() -> {
            Visit visit = Known.orRefuse(store.visits().findById(id), "visit", "visit", id);
            if (visit.status() != VisitStatus.SCHEDULED) {
                throw ValidationException.of("visit", "scheduled", "must be scheduled to be cancelled, is "
                        + visit.status());
            }
            return store.visits().update(visit.cancelled());
        });
    }

    /** Who receives the engineer: the contact person at the equipment's site, else the customer. */
    ContactId recipient(Visit visit) {
        return recipient(visit.equipment(), visit.customer());
    }

    /** Who is told about the service of equipment: the contact person at its site, else the customer. */
    ContactId recipient(Optional<EquipmentId> equipment, ContactId customer) {
        return equipment.flatMap(store.installedEquipment()::findById)
                .flatMap(e -> e.site().siteContact()).orElse(customer);
    }

    private void checkReferences(ScheduleVisit command) {
        List<Violation> violations = new ArrayList<>();
        if (crm.store().contacts().findById(command.customer()).isEmpty()) {
            violations.add(Known.unknown("customer", "contact", command.customer()));
        }
        command.equipment().ifPresent(id -> {
            Optional<Equipment> equipment = store.installedEquipment().findById(id);
            if (equipment.isEmpty()) {
                violations.add(Known.unknown("equipment", "equipment", id));
            } else if (!equipment.get().customer().equals(command.customer())) {
                violations.add(new Violation("equipment", "same-customer", "must be equipment of the customer"));
            }
        });
        command.plan().ifPresent(id -> {
            if (store.servicePlans().findById(id).filter(p -> p.customer().equals(command.customer())).isEmpty()) {
                violations.add(Known.unknown("plan", "service plan of the customer", id));
            }
        });
        command.request().ifPresent(id -> {
            if (store.serviceRequests().findById(id).filter(r -> r.customer().equals(command.customer()))
                    .isEmpty()) {
                violations.add(Known.unknown("request", "service request of the customer", id));
            }
        });
        ValidationException.throwIfAny(violations);
    }
}
