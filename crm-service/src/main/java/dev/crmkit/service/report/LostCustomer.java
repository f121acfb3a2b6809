package dev.crmkit.service.report;

import dev.crmkit.core.contact.ContactId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A service customer with no service for too long. Immutable and thread-safe.
 *
 * @param customer    the customer
 * @param lastService the latest, over all the customer's plans, of each plan's last completion (or its
 *                    installation day when it has none), or of a completed visit outside the plans if later
 * @param daysSince   days from then to the report's day
 */
public record LostCustomer(ContactId customer, LocalDate lastService, long daysSince) {

    /** Checks every part is present. */
    public LostCustomer {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(lastService, "lastService");
    }
}
