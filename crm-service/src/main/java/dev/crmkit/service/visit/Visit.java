package dev.crmkit.service.visit;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.request.ServiceRequestId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A visit of an engineer to a customer, held in the engineer's calendar from {@code start} to {@code end}. It serves
 * a plan, a request, or both. Lifecycle: scheduled, then completed (with its {@link CompletionReport}) or cancelled;
 * a completed or cancelled visit does not change again. Invariant: it ends after it starts; a completed visit has its
 * report. Immutable and thread-safe; changes return a copy.
 *
 * @param id        its id
 * @param version   its optimistic-locking version, 1 when first stored
 * @param engineer  whose calendar it is in
 * @param customer  the customer visited
 * @param equipment the equipment serviced, if any
 * @param plan      the plan it serves, if any
 * @param request   the request it serves, if any
 * @param start     when the engineer is due on site
 * @param end       when the engineer is expected to leave
 * @param status    where it is in its life
 * @param report    the engineer's report, once completed
 * @param createdAt when it was scheduled
 */
public record Visit(VisitId id, long version, UserId engineer, ContactId customer, Optional<EquipmentId> equipment,
                    Optional<ServicePlanId> plan, Optional<ServiceRequestId> request, Instant start, Instant end,
                    VisitStatus status, Optional<CompletionReport> report, Instant createdAt) {

    /** Checks the invariants. */
    public Visit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(engineer, "engineer");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a visit ends after it starts");
        }
        if ((status == VisitStatus.COMPLETED) != report.isPresent()) {
            throw new IllegalArgumentException("a visit has a report exactly when it is completed");
        }
    }

    /** Whether it holds the engineer's calendar (it is not cancelled). */
    public boolean holdsCalendar() {
        return status != VisitStatus.CANCELLED;
    }

    /**
     * Whether it and another visit of the same engineer are too close: they overlap once each is widened by the
     * travel time after it ends.
     */
    public boolean clashesWith(Visit other, Duration travel) {
        return engineer.equals(other.engineer) && start.isBefore(other.end.plus(travel))
                && other.start.isBefore(end.plus(travel));
    }

    /** A completed copy with its report. */
    public Visit completed(CompletionReport completion) {
        return new Visit(id, version, engineer, customer, equipment, plan, request, start, end,
                VisitStatus.COMPLETED, Optional.of(completion), createdAt);
    }

    /** A cancelled copy. */
    public Visit cancelled() {
        return new Visit(id, version, engineer, customer, equipment, plan, request, start, end,
                VisitStatus.CANCELLED, report, createdAt);
    }

    /**
     * The same record for another customer, nothing else changed (not even its version): a merge of contacts
     * re-points the records of a merged-away contact to the survivor with it; for stores only.
     */
    public Visit withCustomerRef(ContactId newCustomer) {
        return new Visit(id, version, engineer, newCustomer, equipment, plan, request, start, end, status, report,
                createdAt);
    }

    /** A copy at another version, for stores. */
    public Visit atVersion(long newVersion) {
        return new Visit(id, newVersion, engineer, customer, equipment, plan, request, start, end, status, report,
                createdAt);
    }
}
