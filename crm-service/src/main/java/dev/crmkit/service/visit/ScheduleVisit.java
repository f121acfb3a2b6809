package dev.crmkit.service.visit;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.request.ServiceRequestId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command to put a visit in an engineer's calendar, validated at the edge.
 *
 * @param engineer  whose calendar
 * @param customer  the customer to visit
 * @param equipment the equipment to service, if any
 * @param plan      the plan it serves, if any
 * @param request   the request it serves, if any
 * @param start     when the engineer is due on site
 * @param end       when the engineer is expected to leave: after {@code start}, at most 24 hours later
 */
public record ScheduleVisit(UserId engineer, ContactId customer, Optional<EquipmentId> equipment,
                            Optional<ServicePlanId> plan, Optional<ServiceRequestId> request, Instant start,
                            Instant end) implements SelfChecking {

    /** A visit for a plan's next service. */
    public static ScheduleVisit forPlan(UserId engineer, ContactId customer, EquipmentId equipment,
                                        ServicePlanId plan, Instant start, Instant end) {
        return new ScheduleVisit(engineer, customer, Optional.of(equipment), Optional.of(plan), Optional.empty(),
                start, end);
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("engineer", engineer).notNull("customer", customer).notNull("equipment", equipment);
        c.notNull("plan", plan).notNull("request", request).notNull("start", start).notNull("end", end);
        List<Violation> out = new ArrayList<>(c.violations());
        out.addAll(StoreLimits.user("engineer", Optional.ofNullable(engineer)));
        out.addAll(StoreLimits.time("start", start));
        out.addAll(StoreLimits.time("end", end));
        if (start != null && end != null && (!end.isAfter(start)
                || Duration.between(start, end).compareTo(Duration.ofDays(1)) > 0)) {
            out.add(new Violation("end", "range", "must be after start and at most 24 hours later"));
        }
        return out;
    }
}
