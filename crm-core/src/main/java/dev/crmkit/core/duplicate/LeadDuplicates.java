package dev.crmkit.core.duplicate;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the stored open leads that look like a lead being captured or edited, without reading the whole store, by the
 * same blocking as contacts ({@link ContactDuplicates}) along two paths: the stored contacts whose name sounds like the
 * lead's name (their stored {@link NameKeys}, at most {@code limit}), then the open leads of those contacts
 * ({@link Leads#findOpenByContacts}, at most {@code limit}); and the open leads whose own submitted name sounds alike
 * (the leads' stored name keys, {@link Leads#findOpenBySoundOfName}, at most {@code limit}), so a lead whose contact
 * was renamed or merged since is still found by the name it came with. Each lead read is scored with the {@link DuplicateMatcher} on the
 * lead's own name, e-mail, phone and company name. Leads of the contact the new lead is for are never candidates
 * (that person was matched exactly, by e-mail or phone), nor are closed or merged-away leads. A check that read as many
 * contacts or leads as its bound allows says so ({@link LeadCheck#limitReached()}). Thread-safe.
 */
public final class LeadDuplicates {

    private final ContactDuplicates contacts;
    private final Leads leads;
    private final DuplicateMatcher matcher;

    /**
     * @param contacts      the store's contacts, by whose names leads are found
     * @param leads         the store's leads
     * @param defaultRegion the region for phone numbers without a country code
     */
    public LeadDuplicates(Contacts contacts, Leads leads, String defaultRegion) {
        this.contacts = new ContactDuplicates(contacts, defaultRegion);
        this.leads = Objects.requireNonNull(leads, "leads");
        this.matcher = DuplicateMatcher.withDefaults().defaultRegion(defaultRegion);
    }

    /**
     * The stored open leads that score at least {@code threshold} against a lead with these fields, best first.
     *
     * @param name        the new lead's name; an empty name finds nothing
     * @param email       its e-mail, if any
     * @param phone       its phone, if any
     * @param companyName its company name, possibly empty
     * @param ownContact  the contact the new lead is for, when it is a known one: its leads are left out
     * @param threshold   the match probability from which a stored lead is a suspected duplicate
     * @param limit       how many contacts, and how many leads, are read at most (at least 1)
     * @return the candidates, how many leads were read, and whether a bound was met
     */
    public LeadCheck check(PersonName name, Optional<EmailAddress> email, Optional<PhoneNumber> phone,
                           String companyName, Optional<ContactId> ownContact, double threshold, int limit) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownContact, "ownContact");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (name.isEmpty()) {
            return LeadCheck.none();
        }
        List<Contact> alike = contacts.readAlike(name, limit);
        Set<ContactId> people = new LinkedHashSet<>();
        alike.forEach(c -> people.add(c.id()));
        ownContact.ifPresent(people::remove);
        List<Lead> byContact = people.isEmpty() ? List.of() : leads.findOpenByContacts(people, limit);
        List<Lead> byOwnName = byOwnName(name, limit);
        Map<LeadId, Lead> union = new LinkedHashMap<>();
        byContact.forEach(l -> union.put(l.id(), l));
        for (Lead l : byOwnName) {
            if (union.size() < limit) {
                union.putIfAbsent(l.id(), l); // both paths together read at most the bound
            }
        }
        List<Lead> read = List.copyOf(union.values());
        DuplicateRecord self = StoreRecords.lead("new lead", name, email, phone,
                Objects.requireNonNull(companyName, "companyName"));
        List<LeadCandidate> found = new ArrayList<>();
        for (Lead stored : read) {
            if (ownContact.isPresent() && stored.contactId().equals(ownContact.get())) {
                continue;
            }
            MatchScore score = matcher.score(self, StoreRecords.of(stored));
            if (score.probability() >= threshold) {
                found.add(new LeadCandidate(stored.id(), score.probability(), score.reasons()));
            }
        }
        found.sort(Comparator.comparingDouble(LeadCandidate::score).reversed()
                .thenComparing(c -> c.leadId().value()));
        return new LeadCheck(found, read.size(), alike.size() >= limit || byOwnName.size() >= limit
                || read.size() >= limit);
    }

    /**
     * The rescoring of a capture's recorded findings ({@code captureOnce}'s replay): the stored leads with these ids
     * (those no longer stored under their own id, merged away or deleted since, left out) scored against a lead with
     * these fields, best first, whatever their score now.
     */
    public List<LeadCandidate> rescore(PersonName name, Optional<EmailAddress> email, Optional<PhoneNumber> phone,
                                       String companyName, List<LeadId> recorded) {
        DuplicateRecord self = StoreRecords.lead("new lead", name, email, phone, companyName);
        List<LeadCandidate> found = new ArrayList<>();
        for (LeadId id : recorded) {
            Optional<Lead> stored = leads.findById(id).filter(l -> l.id().equals(id));
            if (stored.isPresent()) {
                MatchScore score = matcher.score(self, StoreRecords.of(stored.get()));
                found.add(new LeadCandidate(id, score.probability(), score.reasons()));
            }
        }
        found.sort(Comparator.comparingDouble(LeadCandidate::score).reversed()
                .thenComparing(c -> c.leadId().value()));
        return found;
    }

    /** The open leads whose own name sounds alike (their stored name keys); none from a store that keeps none. */
    private List<Lead> byOwnName(PersonName name, int limit) {
        if (NameKeys.nameKeysToFind(name).isEmpty()) {
            return List.of();
        }
        try {
            return leads.findOpenBySoundOfName(name, limit);
        } catch (UnsupportedOperationException noKeys) {
            return List.of(); // a host's store without lead name keys: through the contacts' names only
        }
    }
}
