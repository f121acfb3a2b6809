package dev.crmkit.service.reminder;

import dev.crmkit.service.plan.ServicePlanId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The repository port of reminder marks, keyed by plan and occurrence due date. Implementations are thread-safe and
 * make {@link #claim} conditional in the store itself (a unique key), so that of two units of work claiming one
 * occurrence, on one node or two, exactly one wins.
 */
public interface ServiceReminders {

    /**
     * Records the mark in the running unit of work unless a mark for its plan and occurrence due date exists. When a
     * concurrent unit of work holds that key uncommitted, waits for it: false once it commits, true if it rolls back.
     *
     * @return true if this call recorded it, false if the occurrence was reminded already
     */
    boolean claim(ServiceReminder reminder);

    /** The mark of one occurrence of a plan. */
    Optional<ServiceReminder> find(ServicePlanId plan, LocalDate occurrenceDue);

    /** A plan's marks, by occurrence due date. */
    List<ServiceReminder> ofPlan(ServicePlanId plan);
}
