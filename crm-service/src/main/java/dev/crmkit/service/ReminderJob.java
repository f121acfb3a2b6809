package dev.crmkit.service;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.notification.Notification;
import dev.crmkit.service.notification.Notifications;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.reminder.ReminderRun;
import dev.crmkit.service.reminder.ServiceReminder;
import dev.crmkit.service.schedule.Occurrence;
import dev.crmkit.service.schedule.ScheduleProgress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reminder job: for every active plan whose next open occurrence has reached its reminder day and whose visit
 * window has not closed, claims the occurrence's reminder mark and notes the reminder on the customer's timeline in
 * one unit of work, then (once that committed) sends SERVICE_REMINDER through the {@link Notifications} port. A run
 * that missed days catches up, since it looks at where each plan stands, not at which day the reminder was due; a
 * covered or ended occurrence is never reminded, nor one whose window has closed (the plan is overdue then, a matter
 * for the administrator, not a reminder). The mark's unique key makes each occurrence reminded once, also when runs on
 * several nodes overlap. Delivery is at most once: if the host's port fails after the commit, the reminder is not sent
 * again.
 */
final class ReminderJob {

    private final Crm crm;
    private final ServiceStore store;
    private final CustomerTimeline timeline;
    private final Notifications notifications;
    private final Calendar calendar;

    ReminderJob(Crm crm, ServiceStore store, CustomerTimeline timeline, Notifications notifications,
                Calendar calendar) {
        this.crm = crm;
        this.store = store;
        this.timeline = timeline;
        this.notifications = notifications;
        this.calendar = calendar;
    }

    ReminderRun sendDue(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<ServiceReminder> sent = new ArrayList<>();
        int already = 0;
        for (ServicePlan listed : store.servicePlans().active()) {
            Optional<Claim> claim = store.transactions().inTransactionRetrying(Calendar.ATTEMPTS,
                    () -> claim(listed.id(), asOf));
            if (claim.isEmpty()) {
                continue;
            }
            if (claim.get().reminder().isEmpty()) {
                already++;
                continue;
            }
            ServiceReminder reminder = claim.get().reminder().get();
            sent.add(reminder);
            notifications.send(new Notification(Notification.Kind.SERVICE_REMINDER, reminder.recipient(),
                    "Service due on " + reminder.occurrenceDue(), "The service of " + claim.get().equipment()
                    + " is due on " + reminder.occurrenceDue() + ". We will contact you to arrange the visit."));
        }
        return new ReminderRun(asOf, sent, already);
    }

    /** Empty when the plan's next occurrence is not up for a reminder on the day. */
    private Optional<Claim> claim(ServicePlanId id, LocalDate asOf) {
        Optional<ServicePlan> plan = store.servicePlans().findById(id).filter(ServicePlan::active);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        ScheduleProgress progress = plan.get().progress();
        if (progress.ended() || asOf.isBefore(progress.remindOn().orElseThrow())) {
            return Optional.empty();
        }
        Occurrence next = progress.next().orElseThrow();
        if (asOf.isAfter(plan.get().terms().window().closes(next.due()))) {
            return Optional.empty();
        }
        ServicePlan p = plan.get();
        ServiceReminder reminder = new ServiceReminder(p.id(), next.due(), next.number(), p.customer(),
                calendar.recipient(Optional.of(p.equipment()), p.customer()), asOf, crm.clock().instant());
        if (!store.serviceReminders().claim(reminder)) {
            return Optional.of(new Claim(Optional.empty(), ""));
        }
        String equipment = store.installedEquipment().findById(p.equipment())
                .map(ReminderJob::describe).orElse("equipment " + p.equipment());
        timeline.log(p.customer(), ActivityType.NOTE, Direction.OUTBOUND,
                "Service reminder sent: " + equipment + " due " + next.due(),
                "Occurrence " + next.number() + " of the plan; reminder day " + progress.remindOn().orElseThrow()
                        + ", sent to " + reminder.recipient() + ".", reminder.recordedAt());
        return Optional.of(new Claim(Optional.of(reminder), equipment));
    }

    /** The equipment's product and serial number, as messages name it. */
    static String describe(Equipment e) {
        return e.product() + (e.serialNumber().isEmpty() ? "" : " " + e.serialNumber());
    }

    /** The outcome of one plan's unit of work: the reminder claimed (empty if it was held already). */
    private record Claim(Optional<ServiceReminder> reminder, String equipment) {
    }
}
