package dev.crmkit.core.merge;

import dev.crmkit.core.contact.Contact;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * How a merge picks its survivor when the user names none. Ties go to the oldest contact, then to the one listed
 * first.
 */
public enum SurvivorRule {

    /** The contact with the most values filled in (see {@link #completeness}). */
    MOST_COMPLETE,
    /** The contact created first. */
    OLDEST,
    /** The contact whose latest timeline entry is the latest (a contact without entries counts its last change). */
    MOST_RECENT_ACTIVITY;

    /**
     * The survivor among the contacts.
     *
     * @param contacts     at least one, in the order the user listed them
     * @param lastActivity when each contact's latest timeline entry occurred
     */
    public Contact choose(List<Contact> contacts, Function<Contact, Instant> lastActivity) {
        return choose(contacts, SurvivorRule::completeness, Contact::createdAt, lastActivity);
    }

    /**
     * The survivor among records of any kind (contacts, leads), by this rule; ties go to the oldest, then to the one
     * listed first.
     *
     * @param records      at least one, in the order the user listed them
     * @param completeness how many values a record has filled in
     * @param createdAt    when a record was created
     * @param lastActivity when a record's latest timeline entry occurred
     */
    public <T> T choose(List<T> records, ToIntFunction<T> completeness, Function<T, Instant> createdAt,
                        Function<T, Instant> lastActivity) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records to choose from");
        }
        Comparator<T> oldestFirst = Comparator.comparing(createdAt);
        Comparator<T> order;
        if (this == MOST_COMPLETE) {
            order = Comparator.comparingInt(completeness).reversed().thenComparing(oldestFirst);
        } else if (this == OLDEST) {
            order = oldestFirst;
        } else {
            order = Comparator.comparing(lastActivity).reversed().thenComparing(oldestFirst);
        }
        // min keeps the first of equal elements, so the user's order breaks the remaining ties
        return records.stream().min(order).orElseThrow();
    }

    /**
     * How many values a contact has: one per name part, e-mail, phone, address, affiliation and custom value, and one
     * each for a language, a birthday, a known consent and an owner.
     */
    public static int completeness(Contact c) {
        int n = (c.name().first().isEmpty() ? 0 : 1) + (c.name().last().isEmpty() ? 0 : 1);
        n += c.emails().size() + c.phones().size() + c.addresses().size() + c.affiliations().size();
        n += c.customFields().values().size();
        n += (c.language().isPresent() ? 1 : 0) + (c.birthday().isPresent() ? 1 : 0);
        n += (c.consent().equals(dev.crmkit.core.contact.MarketingConsent.unknown()) ? 0 : 1);
        return n + (c.owner().isPresent() ? 1 : 0);
    }
}
