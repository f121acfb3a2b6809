package dev.crmkit.pipeline;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyEvent;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactEvent;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.LeadStatusChange;
import dev.crmkit.pipeline.deal.ConvertLead;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.LeadConversion;
import dev.crmkit.pipeline.definition.Pipeline;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Lead conversion, in one unit of work. Thread-safe. */
final class LeadConverter {

    private final Crm crm;
    private final DefaultDealPipeline pipeline;

    LeadConverter(Crm crm, DefaultDealPipeline pipeline) {
        this.crm = crm;
        this.pipeline = pipeline;
    }

    LeadConversion convert(ConvertLead command) {
        Objects.requireNonNull(command, "command");
        return crm.store().transactions().inTransaction(() -> {
            // held for the unit of work, so a conversion that waited for an erasure meets the anonymous lead here
            Lead lead = crm.store().leads().lockById(command.lead()).orElseThrow(() ->
                    ValidationException.of("lead", "exists", "there is no lead " + command.lead()));
            if (dev.crmkit.core.privacy.Anonymized.isErased(lead)) {
                // its contact would gain the lead's stand-in e-mail and owner: the erased person's records stay as
                // the erasure left them
                throw ValidationException.of("lead", "erased", "lead " + lead.id() + " belongs to a person whose "
                        + "data was erased: an anonymized record is not converted");
            }
            Pipeline target = pipeline.requirePipeline(command.pipeline());
            if (lead.status() != LeadStatus.QUALIFIED) {
                return new LeadConversion.ConversionRefused(lead.id(), "qualified-lead", "only a qualified lead "
                        + "becomes a deal; this one is " + lead.status().name().toLowerCase(Locale.ROOT));
            }
            Instant now = pipeline.clock().instant();
            Contact contact = contactOf(lead, now);
            Optional<Company> company = companyOf(lead, now);
            if (company.isPresent() && contact.affiliationWith(company.get().id()).isEmpty()) {
                contact = crm.store().contacts().update(contact.withAffiliation(
                        Affiliation.of(company.get().id(), CompanyRole.EMPLOYEE), now));
                pipeline.events().publish(new ContactEvent.ContactAffiliated(contact.id(), company.get().id(),
                        Set.of(CompanyRole.EMPLOYEE), now));
            }
            if (company.isPresent() && lead.companyId().isEmpty()) {
                crm.store().leads().update(lead.withCompany(Optional.of(company.get().id()), now));
            }
            String title = command.title().isBlank()
                    ? (lead.request().isBlank() ? "Deal with " + contact.displayName() : lead.request())
                    : command.title().strip();
            Deal deal = Deal.open(new DealId(pipeline.ids().next()), target.id(), shorten(title),
                            target.definition().firstOpenStage(), now)
                    .withParties(lead.owner(), Optional.of(contact.id()), company.map(Company::id),
                            Optional.of(lead.id()), lead.source().channel().name().toLowerCase(Locale.ROOT), now)
                    .withTerms(command.amount(), command.expectedCloseDate(), Optional.empty(), now);
            Deal stored = pipeline.insertOpened(deal, command.by(), now);
            LeadStatusChange change = crm.leads().changeStatus(lead.id(), LeadStatus.CONVERTED,
                    "converted to deal " + stored.id(), Optional.of(command.by().user()));
            if (!(change instanceof LeadStatusChange.Changed changed)) {
                throw new IllegalStateException("a qualified lead could not be converted: " + change);
            }
            Set<RecordRef> about = new LinkedHashSet<>();
            about.add(new RecordRef(RecordType.LEAD, lead.id().value()));
            about.add(new RecordRef(RecordType.DEAL, stored.id().value()));
            crm.timeline().record(Activity.system(new ActivityId(pipeline.ids().next()),
                    "Lead converted to deal: " + stored.title(), "in " + target.name(), about, now));
            return new LeadConversion.Converted(stored, changed.lead(), contact, company);
        });
    }

    private static String shorten(String title) {
        return title.length() <= 200 ? title : title.substring(0, 200);
    }

    /**
     * The lead's contact, gaining the lead's name, e-mail, phone and owner where it has none; created under the id the
     * lead refers to if it is missing (with the e-mail and phone no other contact holds). An e-mail or phone on the
     * suppression list (an erased person's) is never added.
     */
    private Contact contactOf(Lead lead, Instant now) {
        Contacts contacts = crm.store().contacts();
        Optional<Contact> found = contacts.findById(lead.contactId());
        if (found.isEmpty()) {
            Contact candidate = Contact.create(lead.contactId(), lead.name(),
                    lead.email().filter(e -> contacts.findByEmail(e).isEmpty()
                            && crm.suppressions().matches(Optional.of(e), Optional.empty()).isEmpty())
                            .stream().toList(),
                    lead.phone().filter(p -> contacts.findByPhone(p).isEmpty()
                            && crm.suppressions().matches(Optional.empty(), Optional.of(p)).isEmpty())
                            .stream().toList(), now)
                    .withOwner(lead.owner(), now);
            Contact stored = contacts.insertOrGet(candidate);
            pipeline.events().publish(new ContactEvent.ContactCreated(stored.id(), true, now));
            return stored;
        }
        Contact contact = found.get();
        Contact enriched = contact;
        if (enriched.name().isEmpty() && !lead.name().isEmpty()) {
            enriched = enriched.withName(lead.name(), now);
        }
        if (enriched.emails().isEmpty() && lead.email().isPresent()
                && contacts.findByEmail(lead.email().get()).isEmpty()
                && crm.suppressions().matches(lead.email(), Optional.empty()).isEmpty()) {
            enriched = enriched.withEmail(lead.email().get(), true, now);
        }
        if (enriched.phones().isEmpty() && lead.phone().isPresent()
                && contacts.findByPhone(lead.phone().get()).isEmpty()
                && crm.suppressions().matches(Optional.empty(), lead.phone()).isEmpty()) {
            enriched = enriched.withPhone(lead.phone().get(), true, now);
        }
        if (enriched.owner().isEmpty() && lead.owner().isPresent()) {
            enriched = enriched.withOwner(lead.owner(), now);
        }
        if (enriched == contact) {
            return contact;
        }
        Contact stored = contacts.update(enriched);
        pipeline.events().publish(new ContactEvent.ContactChanged(stored.id(), stored.version(), now));
        return stored;
    }

    /** The lead's company; found by the lead's company name, or created from it, when the lead has none. */
    private Optional<Company> companyOf(Lead lead, Instant now) {
        Companies companies = crm.store().companies();
        if (lead.companyId().isPresent()) {
            Optional<Company> linked = companies.findById(lead.companyId().get());
            if (linked.isPresent()) {
                return linked;
            }
        }
        if (lead.companyName().isBlank()) {
            return Optional.empty();
        }
        Optional<Company> byName = companies.findByName(lead.companyName());
        if (byName.isPresent()) {
            return byName;
        }
        Company stored = companies.insertOrGet(Company.create(new CompanyId(pipeline.ids().next()),
                lead.companyName(), Optional.empty(), now));
        pipeline.events().publish(new CompanyEvent.CompanyCreated(stored.id(), true, now));
        return Optional.of(stored);
    }
}
