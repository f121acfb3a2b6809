package dev.crmkit.pipeline.deal;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;

import java.util.Objects;
import java.util.Optional;

/** The outcome of converting a lead: converted, or refused with the rule that refused (and nothing changed). */
public sealed interface LeadConversion {

    /**
     * The lead became a deal.
     *
     * @param deal    the new deal
     * @param lead    the lead, now converted
     * @param contact its contact, created or enriched
     * @param company its company, when it has one
     */
    record Converted(Deal deal, Lead lead, Contact contact, Optional<Company> company) implements LeadConversion {
        /** Validates presence. */
        public Converted {
            Objects.requireNonNull(deal, "deal");
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(company, "company");
        }
    }

    /**
     * The conversion was refused.
     *
     * @param leadId  the lead
     * @param rule    the rule ({@code qualified-lead})
     * @param message a sentence for a person
     */
    record ConversionRefused(LeadId leadId, String rule, String message) implements LeadConversion {
    }
}
