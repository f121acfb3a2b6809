package dev.crmkit.core.duplicate;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.Contacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds the stored contacts that look like a given one, without reading the whole store: it asks the store for at
 * most a bounded number of contacts ({@link DuplicateRules#candidateLimit()}, by default {@link #CANDIDATE_LIMIT})
 * whose name sounds alike ({@link Contacts#findBySoundOfName}, by the stored
 * {@link NameKeys}, so a typo in both names is still found) and for as many sharing the given or the family name
 * ({@link Contacts#findByNameParts}) when the name has one part only or the store keeps no name keys, and scores each
 * with the {@link DuplicateMatcher}. The contact itself is never its own candidate, nor are contacts merged into it
 * (the stores leave merged-away contacts out of both queries). A check that read as many contacts as its bound allows
 * says so ({@link DuplicateCheck#limitReached()}). Thread-safe.
 */
public final class ContactDuplicates {

    /** How many contacts the store is asked for at most by {@link #candidatesFor}. */
    public static final int CANDIDATE_LIMIT = DuplicateRules.DEFAULT_CANDIDATE_LIMIT;

    private final Contacts contacts;
    private final DuplicateMatcher matcher;

    /**
     * @param contacts      the store's contacts
     * @param defaultRegion the region for phone numbers without a country code
     */
    public ContactDuplicates(Contacts contacts, String defaultRegion) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.matcher = DuplicateMatcher.withDefaults().defaultRegion(defaultRegion);
    }

    /**
     * The stored contacts (other than {@code contact} itself) scoring at least {@code threshold} against it,
     * best first, reading at most {@link #CANDIDATE_LIMIT} candidates.
     */
    public List<DuplicateCandidate> candidatesFor(Contact contact, double threshold) {
        return check(contact, threshold, CANDIDATE_LIMIT).candidates();
    }

    /**
     * The stored contacts (other than {@code contact} itself) scoring at least {@code threshold} against it, best
     * first, reading at most {@code limit} candidates, and whether that bound was met.
     */
    public DuplicateCheck check(Contact contact, double threshold, int limit) {
        Objects.requireNonNull(contact, "contact");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (contact.name().isEmpty()) {
            return DuplicateCheck.none();
        }
        DuplicateRecord self = StoreRecords.of(contact);
        List<DuplicateCandidate> found = new ArrayList<>();
        List<Contact> read = readAlike(contact.name(), limit);
        for (Contact stored : read) {
            if (stored.id().equals(contact.id())) {
                continue;
            }
            MatchScore score = matcher.score(self, StoreRecords.of(stored));
            if (score.probability() >= threshold) {
                found.add(new DuplicateCandidate(stored.id(), score.probability(), score.reasons()));
            }
        }
        found.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                .thenComparing(c -> c.contactId().value()));
        return new DuplicateCheck(found, read.size(), read.size() >= limit);
    }

    /**
     * The rescoring of recorded findings ({@code captureOnce}'s replay): the stored contacts with these ids (those no
     * longer stored under their own id, merged away or deleted since, left out) scored against {@code contact}, best
     * first, whatever their score now.
     */
    public List<DuplicateCandidate> rescore(Contact contact, List<dev.crmkit.core.contact.ContactId> recorded) {
        DuplicateRecord self = StoreRecords.of(Objects.requireNonNull(contact, "contact"));
        List<DuplicateCandidate> found = new ArrayList<>();
        for (dev.crmkit.core.contact.ContactId id : recorded) {
            java.util.Optional<Contact> stored = contacts.findById(id).filter(c -> c.id().equals(id));
            if (stored.isPresent()) {
                MatchScore score = matcher.score(self, StoreRecords.of(stored.get()));
                found.add(new DuplicateCandidate(id, score.probability(), score.reasons()));
            }
        }
        found.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                .thenComparing(c -> c.contactId().value()));
        return found;
    }

    /**
     * The blocking step: at most {@code limit} stored contacts whose name sounds like {@code name} (by the stored name
     * keys), or shares a part of it when the name has one part only or the store keeps no name keys. Lead duplicates
     * look their candidates up through these contacts too ({@link LeadDuplicates}).
     */
    List<Contact> readAlike(dev.crmkit.core.contact.PersonName name, int limit) {
        if (!NameKeys.nameKeysToFind(name).isEmpty()) {
            try {
                return contacts.findBySoundOfName(name, limit);
            } catch (UnsupportedOperationException noKeys) {
                // a host's store without name keys: the exact name parts below
            }
        }
        return contacts.findByNameParts(name, limit);
    }
}
