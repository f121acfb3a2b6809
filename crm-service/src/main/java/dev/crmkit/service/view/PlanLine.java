package dev.crmkit.service.view;

import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.schedule.PlanStatus;

import java.util.Objects;

/**
 * A plan and its state on the view's day. Immutable and thread-safe.
 *
 * @param plan   the plan
 * @param status its state on the day
 */
public record PlanLine(ServicePlan plan, PlanStatus status) {

    /** Checks both parts are present. */
    public PlanLine {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(status, "status");
    }
}
