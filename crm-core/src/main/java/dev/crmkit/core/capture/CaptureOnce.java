package dev.crmkit.core.capture;

import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.idempotency.OutcomeText;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How a keyed capture records its outcome and rebuilds it, and the key derived from a submission's content. */
final class CaptureOnce {

    static final String COMMAND = "capture";

    private final Contacts contacts;
    private final Companies companies;
    private final Leads leads;

    CaptureOnce(Contacts contacts, Companies companies, Leads leads) {
        this.contacts = contacts;
        this.companies = companies;
        this.leads = leads;
    }

    /** The key of a submission: its channel and external id when it has one, else a hash of all its content. */
    static IdempotencyKey keyOf(LeadSubmission s) {
        if (!s.externalId().isBlank()) {
            return IdempotencyKey.ofContent("capture", List.of("external", s.channel().name(), s.externalId().strip()));
        }
        List<String> parts = new ArrayList<>(List.of("content", s.channel().name(), s.firstName(), s.lastName(),
                s.email(), s.phone(), s.companyName(), s.request(), s.language(), s.campaign(), s.utm().source(),
                s.utm().medium(), s.utm().campaign(), s.utm().term(), s.utm().content(), s.referrer(),
                s.defaultRegion(), s.owner().map(Object::toString).orElse(""), String.valueOf(s.marketingConsent())));
        for (Map.Entry<String, String> field : new TreeMap<>(s.customFields()).entrySet()) {
            parts.add(field.getKey());
            parts.add(field.getValue());
        }
        return IdempotencyKey.ofContent("capture", parts);
    }

    /** The text to record: what was created or changed; nothing for an outcome that stored nothing. */
    static Optional<String> describe(CaptureOutcome outcome) {
        if (outcome instanceof CaptureOutcome.NewLeadNewContact n) {
            return Optional.of(OutcomeText.of("new-contact", n.capturedLead().id().value(), n.contact().id().value(),
                    n.company().map(c -> c.id().value())).text());
        }
        if (outcome instanceof CaptureOutcome.NewLeadExistingContact n) {
            return Optional.of(OutcomeText.of("existing-contact", n.capturedLead().id().value(),
                    n.contact().id().value(), n.company().map(c -> c.id().value())).text());
        }
        if (outcome instanceof CaptureOutcome.DuplicateFolded f) {
            return Optional.of(OutcomeText.of("folded", f.existingLead().id().value(), f.contact().id().value())
                    .text());
        }
        return Optional.empty(); // already captured, rejected: nothing was stored
    }

    /** The recorded outcome, with the records as they are stored now. */
    CaptureOutcome replay(String text) {
        OutcomeText o = OutcomeText.parse(text);
        Lead lead = OutcomeText.stored(leads.findById(new LeadId(o.id(0))), "lead", o.id(0));
        Contact contact = OutcomeText.stored(contacts.findById(new ContactId(o.id(1))), "contact", o.id(1));
        switch (o.kind()) {
            case "new-contact":
                return new CaptureOutcome.NewLeadNewContact(lead, contact, company(o));
            case "existing-contact":
                return new CaptureOutcome.NewLeadExistingContact(lead, contact, company(o));
            case "folded":
                return new CaptureOutcome.DuplicateFolded(lead, contact);
            default:
                throw new IllegalStateException("not a recorded capture outcome: " + text);
        }
    }

    private Optional<dev.crmkit.core.company.Company> company(OutcomeText o) {
        return o.optionalId(2, CompanyId::new).map(id -> OutcomeText.stored(companies.findById(id), "company", id));
    }
}
