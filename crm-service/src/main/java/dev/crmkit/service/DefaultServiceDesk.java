package dev.crmkit.service;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Task;
import dev.crmkit.service.schedule.ScheduleProgress;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.CommitmentId;
import dev.crmkit.service.commitment.RecordCommitment;
import dev.crmkit.service.document.DocumentKind;
import dev.crmkit.service.document.DocumentRef;
import dev.crmkit.service.document.DocumentStorage;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.equipment.EquipmentStatus;
import dev.crmkit.service.equipment.InstallEquipment;
import dev.crmkit.service.notification.Notifications;
import dev.crmkit.service.plan.NewServicePlan;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.reminder.ReminderRun;
import dev.crmkit.service.reminder.ServiceReminder;
import dev.crmkit.service.request.OpenRequest;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.ServiceRequestId;
import dev.crmkit.service.schedule.PlanTerms;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.ScheduleVisit;
import dev.crmkit.service.visit.Scheduling;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitId;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The service desk over a Crm and a service store; {@link ServiceDesk#builder()} makes it. Thread-safe. */
final class DefaultServiceDesk implements ServiceDesk {

    private final Crm crm;
    private final ServiceStore store;
    private final Transactions tx;
    private final CustomerTimeline timeline;
    private final Calendar calendar;
    private final Completions completions;
    private final CommitmentHandover handover;
    private final ReminderJob reminders;
    private final Optional<DocumentStorage> documents;
    private final ZoneId zone;

    DefaultServiceDesk(Crm crm, ServiceStore store, Notifications notifications, Optional<DocumentStorage> documents,
                       Duration travelTime, ZoneId zone) {
        this.crm = crm;
        this.store = store;
        this.tx = store.transactions();
        this.timeline = new CustomerTimeline(crm);
        this.calendar = new Calendar(crm, store, timeline, notifications, travelTime);
        this.completions = new Completions(crm, store, timeline, notifications, calendar);
        this.handover = new CommitmentHandover(crm, store, zone);
        this.reminders = new ReminderJob(crm, store, timeline, notifications, calendar);
        this.documents = documents;
        this.zone = zone;
    }

    private Instant now() {
        return crm.clock().instant();
    }

    @Override
    public Equipment install(InstallEquipment command) {
        List<Violation> violations = new ArrayList<>(command.violations());
        ValidationException.throwIfAny(violations);
        return tx.inTransaction(() -> {
            if (crm.store().contacts().findById(command.customer()).isEmpty()) {
                violations.add(Known.unknown("customer", "contact", command.customer()));
            }
            command.site().siteContact().filter(c -> crm.store().contacts().findById(c).isEmpty())
                    .ifPresent(c -> violations.add(Known.unknown("site.siteContact", "contact", c)));
            command.parent().ifPresent(p -> {
                Optional<Equipment> parent = store.installedEquipment().findById(p);
                if (parent.isEmpty()) {
                    violations.add(Known.unknown("parent", "equipment", p));
                } else if (!parent.get().customer().equals(command.customer())) {
                    violations.add(new Violation("parent", "same-customer",
                            "must be equipment of the same customer"));
                }
            });
            ValidationException.throwIfAny(violations);
            Equipment equipment = new Equipment(new EquipmentId(crm.ids().next()), 0, command.customer(),
                    command.product().strip(), command.serialNumber().strip(), command.site(), command.installedOn(),
                    command.warrantyEnd(), command.parent(), EquipmentStatus.IN_SERVICE, now());
            return store.installedEquipment().insert(equipment);
        });
    }

    @Override
    public List<Equipment> equipmentOf(ContactId customer) {
        return store.installedEquipment().ofCustomer(customer);
    }

    @Override
    public ServicePlan startPlan(NewServicePlan command) {
        ValidationException.throwIfAny(command.violations());
        return tx.inTransaction(() -> {
            Equipment equipment = Known.orRefuse(store.installedEquipment().findById(command.equipment()),
                    "equipment", "equipment", command.equipment());
            PlanTerms terms = command.terms().on(equipment.installedOn(), command.interval());
            ServicePlan plan = new ServicePlan(new ServicePlanId(crm.ids().next()), 0, equipment.customer(),
                    equipment.id(), terms, command.preferredEngineer(), command.pricePerVisit(), List.of(), true,
                    now());
            return store.servicePlans().insert(plan);
        });
    }

    @Override
    public Optional<ServicePlan> plan(ServicePlanId id) {
        return store.servicePlans().findById(id);
    }

    @Override
    public List<ServicePlan> plansOf(ContactId customer) {
        return store.servicePlans().ofCustomer(customer);
    }

    @Override
    public Task requestScheduling(ServicePlanId planId, UserId assignee) {
        java.util.Objects.requireNonNull(assignee, "assignee");
        return tx.inTransaction(() -> {
            ServicePlan plan = Known.orRefuse(store.servicePlans().findById(planId), "plan", "service plan", planId);
            ScheduleProgress progress = plan.progress();
            if (progress.ended() || !plan.active()) {
                throw ValidationException.of("plan", "ended", "has no visit left to arrange");
            }
            Equipment equipment = Known.orRefuse(store.installedEquipment().findById(plan.equipment()), "equipment",
                    "equipment", plan.equipment());
            Instant now = now();
            Instant remind = progress.remindOn().orElseThrow().atStartOfDay(zone).toInstant();
            String title = "Arrange the service of " + ReminderJob.describe(equipment) + ", due "
                    + progress.nextDue().orElseThrow();
            return crm.tasks().create(NewTask.of(BadValue.abbreviate(title, Task.MAX_TITLE_LENGTH),
                    remind.isBefore(now) ? now : remind, assignee, Optional.of(CustomerTimeline.of(plan.customer()))));
        });
    }

    @Override
    public ServiceRequest openRequest(OpenRequest command) {
        ValidationException.throwIfAny(command.violations());
        return tx.inTransaction(() -> {
            Known.contact(crm.store(), "customer", command.customer());
            command.equipment().ifPresent(e -> Known.orRefuse(store.installedEquipment().findById(e),
                    "equipment", "equipment", e));
            Instant now = now();
            ServiceRequest request = store.serviceRequests().insert(new ServiceRequest(
                    new ServiceRequestId(crm.ids().next()), 0, command.customer(), command.equipment(),
                    command.channel().strip(), command.priority(), command.summary().strip(), command.sla(), now,
                    Optional.empty(), Optional.empty()));
            timeline.log(command.customer(), ActivityType.SUPPORT_TICKET, Direction.INBOUND,
                    "Service request (" + command.priority().name().toLowerCase(java.util.Locale.ROOT) + ", "
                            + command.channel().strip() + "): " + command.summary().strip(),
                    "Respond by " + request.respondBy() + ", resolve by " + request.resolveBy(), now);
            return request;
        });
    }

    @Override
    public ServiceRequest respond(ServiceRequestId id) {
        return tx.inTransaction(() -> store.serviceRequests().update(request(id).respondedAt(now())));
    }

    @Override
    public ServiceRequest resolve(ServiceRequestId id) {
        return tx.inTransaction(() -> store.serviceRequests().update(request(id).resolvedAt(now())));
    }

    private ServiceRequest request(ServiceRequestId id) {
        return Known.orRefuse(store.serviceRequests().findById(id), "request", "service request", id);
    }

    @Override
    public List<ServiceRequest> requestsOf(ContactId customer) {
        return store.serviceRequests().ofCustomer(customer);
    }

    @Override
    public Scheduling schedule(ScheduleVisit command) {
        return calendar.schedule(command);
    }

    @Override
    public Visit cancel(VisitId id) {
        return calendar.cancel(id);
    }

    @Override
    public List<Visit> calendar(UserId engineer, Instant from, Instant to) {
        return store.visits().ofEngineer(engineer, from, to);
    }

    @Override
    public List<Visit> visitsOf(ContactId customer) {
        return store.visits().ofCustomer(customer);
    }

    @Override
    public DocumentRef attach(DocumentKind kind, String fileName, String mediaType, InputStream bytes) {
        DocumentStorage storage = documents.orElseThrow(() -> new IllegalStateException(
                "no document storage was configured: call documentStorage(...) on ServiceDesk.builder()"));
        return Checksums.store(storage, kind, fileName, mediaType, bytes);
    }

    @Override
    public Completion complete(VisitId id, CompletionReport report) {
        return completions.complete(id, report);
    }

    @Override
    public Commitment recordCommitment(RecordCommitment command) {
        ValidationException.throwIfAny(command.violations());
        return tx.inTransaction(() -> {
            Known.contact(crm.store(), "customer", command.customer());
            Instant now = now();
            Commitment commitment = store.commitments().insert(new Commitment(new CommitmentId(crm.ids().next()), 0,
                    command.customer(), command.promise().strip(), command.due(), command.recordedBy(), now,
                    Optional.empty()));
            timeline.log(command.customer(), ActivityType.NOTE, Direction.INTERNAL,
                    "Commitment due " + command.due() + ": " + commitment.promise(),
                    "Promised by " + command.recordedBy() + "; it becomes a task for the customer's owner when due.",
                    now);
            return commitment;
        });
    }

    @Override
    public List<Commitment> commitmentsOf(ContactId customer) {
        return store.commitments().ofCustomer(customer);
    }

    @Override
    public List<Handover> handOverDueCommitments(LocalDate day) {
        return handover.handOver(day);
    }

    @Override
    public ReminderRun sendDueReminders(LocalDate asOf) {
        return reminders.sendDue(asOf);
    }

    @Override
    public List<ServiceReminder> remindersOf(ServicePlanId plan) {
        return store.serviceReminders().ofPlan(java.util.Objects.requireNonNull(plan, "plan"));
    }
}
