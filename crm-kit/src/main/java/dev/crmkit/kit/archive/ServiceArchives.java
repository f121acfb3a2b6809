package dev.crmkit.kit.archive;

import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.reminder.ServiceReminder;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.visit.Visit;

import java.util.Objects;

/**
 * The archives of crm-service's records in a store, for a full export and its restore: keys are the records' ids as
 * text, except reminder marks, keyed {@code <plan id>/<occurrence due date>}. Visits carry their completion reports
 * and the metadata of their documents; the engineers' calendar lock rows are not records (a store recreates them on
 * first use). Immutable; thread-safe when its archives are.
 *
 * @param equipment   the installed equipment
 * @param plans       the service plans
 * @param requests    the service requests
 * @param visits      the visits, with their completion reports
 * @param commitments the recorded commitments
 * @param reminders   the reminder marks
 */
public record ServiceArchives(Archive<Equipment> equipment, Archive<ServicePlan> plans,
                              Archive<ServiceRequest> requests, Archive<Visit> visits,
                              Archive<Commitment> commitments, Archive<ServiceReminder> reminders) {

    /** Checks every archive is present. */
    public ServiceArchives {
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(visits, "visits");
        Objects.requireNonNull(commitments, "commitments");
        Objects.requireNonNull(reminders, "reminders");
    }

    /** The archive key of a reminder mark: the plan's id, a slash, the occurrence's due date (ISO). */
    public static String reminderKey(ServiceReminder reminder) {
        return reminder.plan() + "/" + reminder.occurrenceDue();
    }
}
