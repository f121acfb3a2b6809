package dev.crmkit.core.scoring;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.lead.Lead;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What scoring rules look at: the lead, its contact and company when known, and its timeline. Immutable and
 * thread-safe.
 *
 * @param lead       the lead
 * @param contact    its contact, if found
 * @param company    its company, if it has one
 * @param activities its timeline entries, newest first
 */
public record LeadFacts(Lead lead, Optional<Contact> contact, Optional<Company> company, List<Activity> activities) {

    /** Validates presence and copies the list. */
    public LeadFacts {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(company, "company");
        activities = List.copyOf(activities);
    }

    /** The lead alone, with no contact, company or activities. */
    public static LeadFacts of(Lead lead) {
        return new LeadFacts(lead, Optional.empty(), Optional.empty(), List.of());
    }
}
