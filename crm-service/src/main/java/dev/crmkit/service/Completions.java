package dev.crmkit.service;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.service.notification.Notification;
import dev.crmkit.service.notification.Notifications;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.PartUsed;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitId;
import dev.crmkit.service.visit.VisitStatus;

import java.util.Optional;
import java.util.stream.Collectors;

/** Records completion reports: the visit, its plan, its request and the customer's timeline in one unit of work. */
final class Completions {

    private final Crm crm;
    private final ServiceStore store;
    private final CustomerTimeline timeline;
    private final Notifications notifications;
    private final Calendar calendar;

    Completions(Crm crm, ServiceStore store, CustomerTimeline timeline, Notifications notifications,
                Calendar calendar) {
        this.crm = crm;
        this.store = store;
        this.timeline = timeline;
        this.notifications = notifications;
        this.calendar = calendar;
    }

    Completion complete(VisitId id, CompletionReport report) {
        ValidationException.throwIfAny(report.violations());
        Completion outcome = store.transactions().inTransaction(() -> {
            Visit visit = Known.orRefuse(store.visits().findById(id), "visit", "visit", id);
            if (visit.status() != VisitStatus.SCHEDULED) {
                return new Completion.Refused(visit, visit.status());
            }
            Optional<ServicePlan> plan = visit.plan().map(planId -> advance(
                    Known.orRefuse(store.servicePlans().findById(planId), "plan", "service plan", planId), report));
            visit.request().flatMap(store.serviceRequests()::findById)
                    .ifPresent(r -> store.serviceRequests().update(r.resolvedAt(crm.clock().instant())));
            Visit done = store.visits().update(visit.completed(report));
            timeline.log(visit.customer(), ActivityType.MEETING, Direction.OUTBOUND,
                    "Service visit completed: " + report.workDone().strip(), describe(report), visit.end());
            return new Completion.Completed(done, plan);
        });
        if (outcome instanceof Completion.Completed completed) {
            Visit visit = completed.visit();
            notifications.send(new Notification(Notification.Kind.VISIT_COMPLETED, calendar.recipient(visit),
                    "Service visit completed", "Work done: " + report.workDone().strip()
                    + completed.plan().flatMap(ServicePlan::nextDue).map(d -> ". Next service due " + d + ".")
                    .orElse(".")));
        }
        return outcome;
    }

    private ServicePlan advance(ServicePlan plan, CompletionReport report) {
        if (report.completedOn().isBefore(plan.terms().installedOn())) {
            throw ValidationException.of("completedOn", "not-before-installed",
                    "must not be before the installation day " + plan.terms().installedOn());
        }
        return store.servicePlans().update(plan.completedOn(report.completedOn()));
    }

    private static String describe(CompletionReport report) {
        String parts = report.parts().stream().map(PartUsed::part).collect(Collectors.joining(", "));
        long done = report.checklist().stream().filter(c -> c.done()).count();
        return "Parts: " + (parts.isEmpty() ? "none" : parts) + ". Time on site: " + report.timeOnSite()
                + ". Checklist: " + done + "/" + report.checklist().size() + " done. Documents: "
                + report.documents().size() + ". Sign-off: "
                + report.signOff().map(s -> s.signedBy() + " at " + s.signedAt()).orElse("none")
                + ". Charged: " + report.charged() + ".";
    }
}
