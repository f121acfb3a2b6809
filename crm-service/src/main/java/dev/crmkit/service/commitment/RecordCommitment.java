package dev.crmkit.service.commitment;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;

import java.time.LocalDate;
import java.util.List;

/**
 * The command to record a promise made to a customer, validated at the edge.
 *
 * @param customer   the customer it was made to
 * @param promise    what was promised, at most 500 characters
 * @param due        the day it must be kept
 * @param recordedBy who made it
 */
public record RecordCommitment(ContactId customer, String promise, LocalDate due, UserId recordedBy)
        implements SelfChecking {

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("customer", customer);
        c.notBlank("promise", promise).notNull("due", due).notNull("recordedBy", recordedBy);
        List<Violation> out = new java.util.ArrayList<>(c.violations());
        out.addAll(StoreLimits.text("promise", promise, 500));
        out.addAll(StoreLimits.user("recordedBy", java.util.Optional.ofNullable(recordedBy)));
        return out;
    }
}
