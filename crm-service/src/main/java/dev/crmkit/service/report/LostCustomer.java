package dev.crmkit.service.report;

import dev.crmkit.core.contact.ContactId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A service customer with no service for too long. Immutable and thread-safe.
 *
 * @param customer    the customer
 * @param lastService the latest, over the customer's active plans, of each plan's last completion (or its
 *                    installation day when it has none)
 * @param daysSince   days from then to the report's day
 */
public record LostCustomer(ContactId customer, LocalDate lastService, long daysSince) {

    /** Checks every part is present. */
    public LostCustomer {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(lastService, "lastService");
    }
}
