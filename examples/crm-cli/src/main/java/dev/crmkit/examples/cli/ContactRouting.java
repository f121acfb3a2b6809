package dev.crmkit.examples.cli;

import dev.crmkit.core.assignment.AssignmentPolicy;
import dev.crmkit.core.assignment.Decision;
import dev.crmkit.core.assignment.LeadProfile;
import dev.crmkit.core.assignment.PolicyContext;
import dev.crmkit.core.assignment.RoutingAttribute;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.PhoneNumber;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A policy that routes by what the lead's contact says where the lead itself says nothing: a lead without a
 * {@code language} custom field is routed by its contact's preferred language, one without a {@code region} by the
 * countries of its contact's addresses and phone numbers. The {@code crm} program's import puts the language on the
 * contact (the CSV {@code language} column), so this is how its leads get routed by language and region. Everything
 * else is the wrapped policy's. Immutable and thread-safe.
 */
final class ContactRouting implements AssignmentPolicy {

    private final AssignmentPolicy policy;
    private final Contacts contacts;

    ContactRouting(AssignmentPolicy policy, Contacts contacts) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
    }

    @Override
    public Decision decide(LeadProfile lead, PolicyContext context) {
        return policy.decide(enrich(lead), context);
    }

    @Override
    public void cancel(Decision.Chosen decision, PolicyContext context) {
        policy.cancel(decision, context);
    }

    private LeadProfile enrich(LeadProfile lead) {
        boolean needsLanguage = lead.valuesOf(RoutingAttribute.LANGUAGE).isEmpty();
        boolean needsRegion = lead.valuesOf(RoutingAttribute.REGION).isEmpty();
        if (!needsLanguage && !needsRegion) {
            return lead;
        }
        Optional<Contact> contact = contacts.findById(lead.lead().contactId());
        if (contact.isEmpty()) {
            return lead;
        }
        LeadProfile profile = lead;
        Optional<String> language = contact.get().language().map(Locale::getLanguage).filter(l -> !l.isEmpty());
        if (needsLanguage && language.isPresent()) {
            profile = profile.with(RoutingAttribute.LANGUAGE, language.get());
        }
        Set<String> regions = new LinkedHashSet<>();
        contact.get().addresses().stream().map(Address::country).forEach(regions::add);
        contact.get().phones().stream().map(PhoneNumber::region).forEach(regions::add);
        if (needsRegion && !regions.isEmpty()) {
            profile = profile.with(RoutingAttribute.REGION, regions.toArray(String[]::new));
        }
        return profile;
    }
}
