package dev.crmkit.service;

import dev.crmkit.core.Crm;
import dev.crmkit.core.ModuleWiring;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.RecordCommitment;
import dev.crmkit.service.document.DocumentKind;
import dev.crmkit.service.document.DocumentRef;
import dev.crmkit.service.document.DocumentStorage;
import dev.crmkit.service.equipment.Equipment;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service business's use cases: record installed equipment and its service plans, open service requests, put
 * visits in engineers' calendars and tell the customer, record what the engineer returns (which moves the plan forward
 * and appears on the customer's timeline), and keep the promises made to customers. Every write runs in one unit of
 * work of the shared store. Thread-safe.
 *
 * <pre>{@code
 * ServiceDesk desk = ServiceDesk.builder().crm(crm).store(store).notifications(sms).build();
 * Equipment filter = desk.install(InstallEquipment.of(customer, "AquaPure 3", "AP3-001", site, installedOn));
 * ServicePlan plan = desk.startPlan(NewServicePlan.of(filter.id(), Period.ofMonths(6), Money.of("40.00", "EUR")));
 * Scheduling s = desk.schedule(ScheduleVisit.forPlan(engineer, customer, filter.id(), plan.id(), start, end));
 * }</pre>
 */
public interface ServiceDesk {

    /** Starts wiring the module. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Records installed equipment.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming each broken rule (an unknown customer, site contact or
     *                                                    parent, a parent of another customer); nothing is stored then
     */
    Equipment install(InstallEquipment command);

    /** A customer's equipment, in the order it was recorded. */
    List<Equipment> equipmentOf(ContactId customer);

    /**
     * Starts a service plan for installed equipment, counted from its installation day.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming each broken rule; nothing is stored then
     */
    ServicePlan startPlan(NewServicePlan command);

    /** The plan with this id. */
    Optional<ServicePlan> plan(ServicePlanId id);

    /** A customer's plans, in the order they were recorded. */
    List<ServicePlan> plansOf(ContactId customer);

    /**
     * Asks someone (the administrator) to arrange a plan's next visit: a task about the customer, due on the day the
     * plan's reminder goes out (or today, if that day has passed), naming the equipment and the due date.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if there is no such plan, or it has ended
     */
    dev.crmkit.core.task.Task requestScheduling(ServicePlanId plan, UserId assignee);

    /**
     * Opens a service request and puts it on the customer's timeline.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming each broken rule; nothing is stored then
     */
    ServiceRequest openRequest(OpenRequest command);

    /**
     * Records the first response to a request, now.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if there is no such request
     */
    ServiceRequest respond(ServiceRequestId id);

    /**
     * Resolves a request, now.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if there is no such request
     */
    ServiceRequest resolve(ServiceRequestId id);

    /** A customer's service requests, oldest first. */
    List<ServiceRequest> requestsOf(ContactId customer);

    /**
     * Puts a visit in the engineer's calendar unless it clashes with another visit (travel time included), puts it on
     * the customer's timeline and, after it is stored, tells the person receiving the engineer through the
     * {@link Notifications} port. Two schedulings for one engineer never both succeed for clashing times, also on two
     * nodes sharing the store.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming each broken rule; nothing is stored then
     */
    Scheduling schedule(ScheduleVisit command);

    /**
     * Cancels a scheduled visit, freeing the calendar.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if there is no such visit
     */
    Visit cancel(VisitId id);

    /** An engineer's visits that overlap {@code [from, to)}, by start. */
    List<Visit> calendar(UserId engineer, Instant from, Instant to);

    /** A customer's visits, by start. */
    List<Visit> visitsOf(ContactId customer);

    /**
     * Passes a document's bytes to the host's {@link DocumentStorage} and returns what crmkit keeps of it: its key,
     * kind, name, media type, size and SHA-256 checksum.
     *
     * @throws IllegalStateException        if no document storage was configured
     * @throws java.io.UncheckedIOException if the bytes cannot be read
     */
    DocumentRef attach(DocumentKind kind, String fileName, String mediaType, InputStream bytes);

    /**
     * Records the engineer's report of a scheduled visit: completes the visit, counts the completion in its plan,
     * resolves its request, and puts it on the customer's timeline, all in one unit of work.
     *
     * @return the completed visit and plan, or a refusal when the visit was already completed or cancelled
     * @throws dev.crmkit.core.kernel.ValidationException naming each broken rule of the report, or an unknown visit
     */
    Completion complete(VisitId id, CompletionReport report);

    /**
     * Records a promise made to a customer, against the customer, and notes it on the customer's timeline.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming each broken rule; nothing is stored then
     */
    Commitment recordCommitment(RecordCommitment command);

    /** A customer's commitments, by due day. */
    List<Commitment> commitmentsOf(ContactId customer);

    /**
     * Hands every open commitment due on or before {@code day} to whoever owns its customer now, as a task due on the
     * commitment's day; each is handed over once. A customer without an owner keeps the commitment open.
     */
    List<Handover> handOverDueCommitments(LocalDate day);

    /**
     * The reminder job, to run once a day or more often (on any number of nodes): reminds the customer of every
     * active plan whose next open occurrence has reached its reminder day ({@code remindOn}) on or before
     * {@code asOf} and whose visit window has not closed by then, sending SERVICE_REMINDER through the
     * {@link Notifications} port (to the contact person at the equipment's site, else the customer) and noting it on
     * the customer's timeline. Each occurrence is reminded once: the mark is claimed in the store, in the unit of work
     * of the timeline entry, and runs that overlap (on one node or several) never both win it. Days the job did not
     * run are caught up while the occurrence is still open and its window open; a covered, ended or overdue
     * occurrence is never reminded. Delivery is at most once: the port is called after the commit.
     *
     * @return the reminders sent by this run, and how many were found reminded already
     */
    ReminderRun sendDueReminders(LocalDate asOf);

    /** The reminders sent for a plan's occurrences, by occurrence due date. */
    List<ServiceReminder> remindersOf(ServicePlanId plan);

    /**
     * Wires the module. Each setting may be set once; {@link #build()} fails fast, naming the setting, when a required
     * one is missing. Not thread-safe.
     */
    final class Builder {
        Crm crm;
        ServiceStore store;
        Notifications notifications;
        DocumentStorage documents;
        Duration travelTime;
        ZoneId zone;

        private Builder() {
        }

        private static void once(Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }

        /** The Crm whose customers, timeline and tasks the service desk uses (required). */
        public Builder crm(Crm value) {
            once(crm, "crm");
            crm = Objects.requireNonNull(value, "crm");
            return this;
        }

        /** The store of crm-service's ports, sharing the Crm store's units of work (required). */
        public Builder store(ServiceStore value) {
            once(store, "store");
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** How customers are told about visits (default: not at all). */
        public Builder notifications(Notifications value) {
            once(notifications, "notifications");
            notifications = Objects.requireNonNull(value, "notifications");
            return this;
        }

        /** Where documents' bytes go (default: none, and {@link ServiceDesk#attach} fails). */
        public Builder documentStorage(DocumentStorage value) {
            once(documents, "documentStorage");
            documents = Objects.requireNonNull(value, "documentStorage");
            return this;
        }

        /**
         * The least time between two visits of one engineer, to travel (default: none).
         *
         * @throws IllegalArgumentException if negative or longer than a day
         */
        public Builder travelTime(Duration value) {
            once(travelTime, "travelTime");
            Objects.requireNonNull(value, "travelTime");
            if (value.isNegative() || value.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("travelTime must be from zero to 24 hours, was " + value);
            }
            travelTime = value;
            return this;
        }

        /** The zone in which days (a commitment's due day) begin (default: UTC). */
        public Builder zone(ZoneId value) {
            once(zone, "zone");
            zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /**
         * Builds the service desk.
         *
         * @throws IllegalStateException naming the missing or contradictory setting
         */
        public ServiceDesk build() {
            ModuleWiring.requireCrmAndItsStore(crm, store, () -> store.transactions(), "ServiceDesk");
            return new DefaultServiceDesk(crm, store, notifications == null ? Notifications.none() : notifications,
                    Optional.ofNullable(documents), travelTime == null ? Duration.ZERO : travelTime,
                    zone == null ? java.time.ZoneOffset.UTC : zone);
        }
    }
}
