package dev.crmkit.core.duplicate;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.Contacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds the stored contacts that look like a given one, without reading the whole store: it asks the store for at
 * most {@link #CANDIDATE_LIMIT} contacts whose name sounds alike ({@link Contacts#findBySoundOfName}, by the stored
 * {@link NameKeys}, so a typo in both names is still found) and for as many sharing the given or the family name
 * ({@link Contacts#findByNameParts}) when the name has one part only or the store keeps no name keys, and scores each
 * with the {@link DuplicateMatcher}. Thread-safe.
 */
public final class ContactDuplicates {

    /** How many contacts per name part the store is asked for at most. */
    public static final int CANDIDATE_LIMIT = 50;

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
     * best first.
     */
    public List<DuplicateCandidate> candidatesFor(Contact contact, double threshold) {
        Objects.requireNonNull(contact, "contact");
        if (contact.name().isEmpty()) {
            return List.of();
        }
        DuplicateRecord self = StoreRecords.of(contact);
        List<DuplicateCandidate> found = new ArrayList<>();
        for (Contact stored : candidates(contact)) {
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
        return List.copyOf(found);
    }

    private List<Contact> candidates(Contact contact) {
        if (!NameKeys.nameKeysToFind(contact.name()).isEmpty()) {
            try {
                return contacts.findBySoundOfName(contact.name(), CANDIDATE_LIMIT);
            } catch (UnsupportedOperationException noKeys) {
                // a host's store without name keys: the exact name parts below
            }
        }
        return contacts.findByNameParts(contact.name(), CANDIDATE_LIMIT);
    }
}
