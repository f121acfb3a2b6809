package dev.crmkit.service.reminder;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.plan.ServicePlanId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The mark that the customer was reminded of one occurrence of a plan: at most one exists per plan and occurrence due
 * date, which is what makes the reminder job send each reminder once, also when several nodes run it for the same
 * day. Immutable and thread-safe.
 *
 * @param plan          the plan
 * @param occurrenceDue the day the reminded occurrence is due (with {@code plan}, the mark's key)
 * @param occurrence    the occurrence's number, from 1
 * @param customer      the plan's customer
 * @param recipient     who was told (the contact person at the equipment's site, else the customer)
 * @param remindedOn    the day the job ran for (on or after the occurrence's reminder day)
 * @param recordedAt    when the mark was claimed
 */
public record ServiceReminder(ServicePlanId plan, LocalDate occurrenceDue, int occurrence, ContactId customer,
                              ContactId recipient, LocalDate remindedOn, Instant recordedAt) {

    /**
     * Checks every part is present.
     *
     * @throws IllegalArgumentException if the occurrence's number is below 1
     */
    public ServiceReminder {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(occurrenceDue, "occurrenceDue");
        if (occurrence < 1) {
            throw new IllegalArgumentException("an occurrence's number starts at 1, was " + occurrence);
        }
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(remindedOn, "remindedOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
