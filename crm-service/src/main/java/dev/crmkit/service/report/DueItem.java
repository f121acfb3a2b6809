package dev.crmkit.service.report;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.plan.ServicePlanId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One plan's next service in a week's report. Immutable and thread-safe.
 *
 * @param plan        the plan
 * @param customer    its customer
 * @param equipment   its equipment
 * @param due         the next due date
 * @param daysOverdue days past the due date on the week's first day; 0 when not overdue
 */
public record DueItem(ServicePlanId plan, ContactId customer, EquipmentId equipment, LocalDate due,
                      long daysOverdue) {

    /** Checks every part is present. */
    public DueItem {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(due, "due");
    }
}
