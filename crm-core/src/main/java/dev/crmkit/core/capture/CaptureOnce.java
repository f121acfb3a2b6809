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

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.duplicate.ContactDuplicates;
import dev.crmkit.core.duplicate.DuplicateAlert;
import dev.crmkit.core.duplicate.LeadDuplicates;
import dev.crmkit.core.duplicate.SuspectedDuplicates;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How a keyed capture records its outcome and rebuilds it, and the key derived from a submission's content.
 *
 * <p>A new lead's duplicate findings under an alert rule ({@link CaptureOutcome#suspected()}) come back on a replay.
 * The recorded text has room for a few ids only ({@link dev.crmkit.core.idempotency.RecordedOutcome#MAX_OUTCOME}
 * characters) and the candidates can be as many as the candidate limit, so it does not hold them: it holds the ids of
 * the alert's timeline entries this capture wrote (about the new contact and every contact candidate, about the new
 * lead and every lead candidate) and whether the limit was reached. A replay reads the candidates from those entries
 * and scores each again against the new contact or lead with the same matcher: the same findings while none of these
 * records changed, as the replay's records are the ones stored now (a candidate merged away or deleted since is left
 * out). Reasons are not recorded anywhere else: they quote the records' values, which an erasure must reach.
 */
final class CaptureOnce {

    static final String COMMAND = "capture";

    /** How many entries of a new record's timeline are searched for its alert entry (a capture writes a few). */
    private static final int ALERT_SEARCH = 50;

    private final Contacts contacts;
    private final Companies companies;
    private final Leads leads;
    private final Timeline timeline;
    private final ContactDuplicates contactDuplicates;
    private final LeadDuplicates leadDuplicates;

    CaptureOnce(Contacts contacts, Companies companies, Leads leads, Timeline timeline,
                ContactDuplicates contactDuplicates, LeadDuplicates leadDuplicates) {
        this.contacts = contacts;
        this.companies = companies;
        this.leads = leads;
        this.timeline = timeline;
        this.contactDuplicates = contactDuplicates;
        this.leadDuplicates = leadDuplicates;
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

    /**
     * The text to record: what was created or changed, and for a new lead where its duplicate findings are; nothing
     * for an outcome that stored nothing. Runs in the capture's unit of work, after it.
     */
    Optional<String> describe(CaptureOutcome outcome) {
        if (outcome instanceof CaptureOutcome.NewLeadNewContact n) {
            return Optional.of(OutcomeText.of("new-contact", n.capturedLead().id().value(), n.contact().id().value(),
                    n.company().map(c -> c.id().value()),
                    alertOf(RecordType.CONTACT, n.contact().id().value(), n.suspected().contacts().isEmpty()),
                    alertOf(RecordType.LEAD, n.capturedLead().id().value(), n.suspected().leads().isEmpty()),
                    limit(n.suspected())).text());
        }
        if (outcome instanceof CaptureOutcome.NewLeadExistingContact n) {
            return Optional.of(OutcomeText.of("existing-contact", n.capturedLead().id().value(),
                    n.contact().id().value(), n.company().map(c -> c.id().value()), Optional.empty(),
                    alertOf(RecordType.LEAD, n.capturedLead().id().value(), n.suspected().leads().isEmpty()),
                    limit(n.suspected())).text());
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
                return new CaptureOutcome.NewLeadNewContact(lead, contact, company(o), suspected(o, contact, lead));
            case "existing-contact":
                return new CaptureOutcome.NewLeadExistingContact(lead, contact, company(o),
                        suspected(o, contact, lead));
            case "folded":
                return new CaptureOutcome.DuplicateFolded(lead, contact);
            default:
                throw new IllegalStateException("not a recorded capture outcome: " + text);
        }
    }

    private Optional<dev.crmkit.core.company.Company> company(OutcomeText o) {
        return o.optionalId(2, CompanyId::new).map(id -> OutcomeText.stored(companies.findById(id), "company", id));
    }

    /**
     * The findings of a recorded new lead: the candidates named by the alert entries, scored again; none for a text
     * recorded before findings were (three parts).
     */
    private SuspectedDuplicates suspected(OutcomeText o, Contact contact, Lead lead) {
        if (o.parts().size() < 6) {
            return SuspectedDuplicates.none();
        }
        List<ContactId> likeContact = candidates(o.optionalId(3, ActivityId::new), RecordType.CONTACT,
                contact.id().value()).stream().map(ContactId::new).toList();
        List<LeadId> likeLead = candidates(o.optionalId(4, ActivityId::new), RecordType.LEAD, lead.id().value())
                .stream().map(LeadId::new).toList();
        return new SuspectedDuplicates(likeContact.isEmpty() ? List.of()
                : contactDuplicates.rescore(contact, likeContact),
                likeLead.isEmpty() ? List.of() : leadDuplicates.rescore(lead.name(), lead.email(), lead.phone(),
                        lead.companyName(), likeLead), o.parts().get(5).equals("limit"));
    }

    /** The records of a type an alert entry is about, but the one it was written for; none without the entry. */
    private List<UUID> candidates(Optional<ActivityId> alert, RecordType type, UUID own) {
        return alert.flatMap(timeline::find).map(a -> a.about().stream()
                .filter(r -> r.type() == type && !r.id().equals(own)).map(RecordRef::id).toList()).orElse(List.of());
    }

    /**
     * The alert entry this capture wrote about a new record (the only one about it with the alert's subject and
     * another record of its type, as the record is new in this unit of work); none when nothing was found.
     */
    private Optional<ActivityId> alertOf(RecordType type, UUID id, boolean nothingFound) {
        if (nothingFound) {
            return Optional.empty();
        }
        RecordRef own = new RecordRef(type, id);
        return timeline.of(own, TimelineFilter.everything(), PageRequest.first(ALERT_SEARCH)).items().stream()
                .filter(a -> a.subject().startsWith(DuplicateAlert.SUBJECT))
                .filter(a -> a.about().stream().anyMatch(r -> r.type() == type && !r.equals(own)))
                .map(Activity::id).findFirst();
    }

    private static String limit(SuspectedDuplicates found) {
        return found.limitReached() ? "limit" : "-";
    }

}
