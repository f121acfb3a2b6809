package dev.crmkit.service.plan;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.schedule.PlanStatus;
import dev.crmkit.service.schedule.PlanTerms;
import dev.crmkit.service.schedule.ScheduleProgress;
import dev.crmkit.service.schedule.ServiceSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service plan: the recurring service of one piece of equipment (a cartridge every six months) on {@link PlanTerms},
 * with a preferred engineer and a price per visit. It keeps the days the service was completed and nothing else of
 * its schedule: occurrences, the next due date and whether it is overdue are computed by {@link ServiceSchedule}, so
 * they never pile up. It is active until cancelled. Immutable and thread-safe; changes return a copy.
 *
 * @param id                its id
 * @param version           its optimistic-locking version, 1 when first stored
 * @param customer          the customer served
 * @param equipment         the equipment serviced
 * @param terms             the schedule's terms
 * @param preferredEngineer who should do the visits, if anyone in particular
 * @param pricePerVisit     what one visit earns
 * @param completions       the days the service was completed, in the order recorded
 * @param active            false once cancelled
 * @param createdAt         when it was recorded
 */
public record ServicePlan(ServicePlanId id, long version, ContactId customer, EquipmentId equipment, PlanTerms terms,
                          Optional<UserId> preferredEngineer, Money pricePerVisit, List<LocalDate> completions,
                          boolean active, Instant createdAt) {

    /** Checks every part is present and copies the list. */
    public ServicePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(preferredEngineer, "preferredEngineer");
        Objects.requireNonNull(pricePerVisit, "pricePerVisit");
        completions = List.copyOf(completions);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The schedule of its terms. */
    public ServiceSchedule schedule() {
        return ServiceSchedule.of(terms);
    }

    /** Where it stands after its completions. */
    public ScheduleProgress progress() {
        return schedule().progress(completions);
    }

    /** Its next due date, unless it has ended. */
    public Optional<LocalDate> nextDue() {
        return progress().nextDue();
    }

    /** Its state on a day. */
    public PlanStatus statusOn(LocalDate day) {
        return schedule().status(completions, day);
    }

    /**
     * A copy with one more completion, which covers the earliest open occurrence.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if the day is before the installation day
     */
    public ServicePlan completedOn(LocalDate day) {
        List<LocalDate> more = new ArrayList<>(completions);
        more.add(Objects.requireNonNull(day, "day"));
        schedule().progress(more);
        return new ServicePlan(id, version, customer, equipment, terms, preferredEngineer, pricePerVisit, more,
                active, createdAt);
    }

    /** A cancelled copy. */
    public ServicePlan cancelled() {
        return new ServicePlan(id, version, customer, equipment, terms, preferredEngineer, pricePerVisit, completions,
                false, createdAt);
    }

    /**
     * The same record for another customer, nothing else changed (not even its version): a merge of contacts
     * re-points the records of a merged-away contact to the survivor with it; for stores only.
     */
    public ServicePlan withCustomerRef(ContactId newCustomer) {
        return new ServicePlan(id, version, newCustomer, equipment, terms, preferredEngineer, pricePerVisit,
                completions, active, createdAt);
    }

    /** A copy at another version, for stores. */
    public ServicePlan atVersion(long newVersion) {
        return new ServicePlan(id, newVersion, customer, equipment, terms, preferredEngineer, pricePerVisit,
                completions, active, createdAt);
    }
}
