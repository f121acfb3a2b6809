package dev.crmkit.core.contact;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person the business deals with: a customer, a prospect, a contact person at a company.
 *
 * <p><b>Lifecycle.</b> A contact is created by hand or automatically from every new lead, and then gains e-mails,
 * phones, addresses, affiliations with companies and custom values. It is never deleted by crmkit; its timeline keeps
 * everything that happened with it.
 *
 * <p><b>Invariants.</b> E-mails and phones are normalized and each listed once; the first of each list is the primary
 * one, so there is exactly one primary whenever there is any. Each company appears in at most one affiliation. Within
 * a store, no e-mail address or phone number belongs to two contacts: that is what makes de-duplication hold.
 * {@link #version()} is 0 for a contact not yet stored and grows by one with every stored change.
 *
 * <p>Immutable and thread-safe; every change returns a copy.
 *
 * @param id           the identity
 * @param version      the stored version, 0 before the first save
 * @param name         the name, possibly empty
 * @param emails       e-mail addresses, primary first
 * @param phones       phone numbers, primary first
 * @param addresses    postal addresses
 * @param language     the preferred language, if known
 * @param birthday     the birthday, if known
 * @param consent      marketing consent
 * @param affiliations links to companies with roles
 * @param customFields custom field values
 * @param owner        the user responsible for the contact, if any
 * @param createdAt    when it was created
 * @param updatedAt    when it last changed
 */
public record Contact(ContactId id, long version, PersonName name, List<EmailAddress> emails,
                      List<PhoneNumber> phones, List<Address> addresses, Optional<Locale> language,
                      Optional<LocalDate> birthday, MarketingConsent consent, List<Affiliation> affiliations,
                      CustomFields customFields, Optional<UserId> owner, Instant createdAt, Instant updatedAt) {

    /** Checks the invariants. */
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        emails = distinct(emails, "emails");
        phones = distinct(phones, "phones");
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(birthday, "birthday");
        Objects.requireNonNull(consent, "consent");
        affiliations = List.copyOf(affiliations);
        if (affiliations.size() > 1
                && affiliations.stream().map(Affiliation::companyId).distinct().count() != affiliations.size()) {
            throw ValidationException.of("affiliations", "unique", "a company appears in two affiliations");
        }
        Objects.requireNonNull(customFields, "customFields");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** A new, not yet stored contact with a name and contact points and nothing else. */
    public static Contact create(ContactId id, PersonName name, List<EmailAddress> emails, List<PhoneNumber> phones,
                                 Instant now) {
        return create(id, name, emails, phones, Optional.empty(), MarketingConsent.unknown(), Optional.empty(), now);
    }

    /**
     * A new, not yet stored contact as a capture makes one: a name, contact points, a language, a consent and an
     * owner, in one construction (the same contact as {@link #create(ContactId, PersonName, List, List, Instant)}
     * followed by {@link #withPersonalDetails} and {@link #withOwner} at the same instant, without the two copies).
     */
    public static Contact create(ContactId id, PersonName name, List<EmailAddress> emails, List<PhoneNumber> phones,
                                 Optional<Locale> language, MarketingConsent consent, Optional<UserId> owner,
                                 Instant now) {
        return new Contact(id, 0, name, emails, phones, List.of(), language, Optional.empty(), consent, List.of(),
                CustomFields.empty(), owner, now, now);
    }

    private static <T> List<T> distinct(List<T> items, String field) {
        List<T> copy = List.copyOf(items);
        if (copy.size() > 1 && !allDistinct(copy)) {
            throw ValidationException.of(field, "unique", field + " lists the same value twice");
        }
        return copy;
    }

    /** Whether no two items are equal: pair by pair for the few a contact usually has, else through a set. */
    private static boolean allDistinct(List<?> items) {
        if (items.size() > 8) {
            return new HashSet<>(items).size() == items.size();
        }
        for (int i = 1; i < items.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (items.get(i).equals(items.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The primary e-mail address, if the contact has any. */
    public Optional<EmailAddress> primaryEmail() {
        return emails.isEmpty() ? Optional.empty() : Optional.of(emails.get(0));
    }

    /** The primary phone number, if the contact has any. */
    public Optional<PhoneNumber> primaryPhone() {
        return phones.isEmpty() ? Optional.empty() : Optional.of(phones.get(0));
    }

    /** The name, or the primary e-mail or phone when there is no name. */
    public String displayName() {
        if (!name.isEmpty()) {
            return name.full();
        }
        return primaryEmail().map(EmailAddress::value).or(() -> primaryPhone().map(PhoneNumber::toString))
                .orElse(id.toString());
    }

    /** The affiliation with a company, if any. */
    public Optional<Affiliation> affiliationWith(CompanyId companyId) {
        for (int i = 0; i < affiliations.size(); i++) { // by position: every capture with a company asks, no stream
            if (affiliations.get(i).companyId().equals(companyId)) {
                return Optional.of(affiliations.get(i));
            }
        }
        return Optional.empty();
    }

    /** A copy with the e-mail added (as primary when {@code primary}), or moved to primary if already present. */
    public Contact withEmail(EmailAddress email, boolean primary, Instant now) {
        return new Contact(id, version, name, withItem(emails, email, primary), phones, addresses, language,
                birthday, consent, affiliations, customFields, owner, createdAt, now);
    }

    /** A copy with the phone added (as primary when {@code primary}), or moved to primary if already present. */
    public Contact withPhone(PhoneNumber phone, boolean primary, Instant now) {
        return new Contact(id, version, name, emails, withItem(phones, phone, primary), addresses, language,
                birthday, consent, affiliations, customFields, owner, createdAt, now);
    }

    private static <T> List<T> withItem(List<T> list, T item, boolean primary) {
        List<T> copy = new ArrayList<>(list);
        boolean present = copy.remove(item);
        if (primary) {
            copy.add(0, item);
        } else if (present) {
            copy.add(list.indexOf(item), item);
        } else {
            copy.add(item);
        }
        return copy;
    }

    /** A copy with another name. */
    public Contact withName(PersonName newName, Instant now) {
        return new Contact(id, version, newName, emails, phones, addresses, language, birthday, consent,
                affiliations, customFields, owner, createdAt, now);
    }

    /** A copy with the address added. */
    public Contact withAddress(Address address, Instant now) {
        List<Address> copy = new ArrayList<>(addresses);
        copy.add(address);
        return new Contact(id, version, name, emails, phones, copy, language, birthday, consent, affiliations,
                customFields, owner, createdAt, now);
    }

    /** A copy with the language, birthday and consent replaced. */
    public Contact withPersonalDetails(Optional<Locale> newLanguage, Optional<LocalDate> newBirthday,
                                       MarketingConsent newConsent, Instant now) {
        return new Contact(id, version, name, emails, phones, addresses, newLanguage, newBirthday, newConsent,
                affiliations, customFields, owner, createdAt, now);
    }

    /** A copy with the affiliation added, or replacing the one with the same company. */
    public Contact withAffiliation(Affiliation affiliation, Instant now) {
        List<Affiliation> copy = new ArrayList<>(affiliations);
        copy.removeIf(a -> a.companyId().equals(affiliation.companyId()));
        copy.add(affiliation);
        return new Contact(id, version, name, emails, phones, addresses, language, birthday, consent, copy,
                customFields, owner, createdAt, now);
    }

    /** A copy with other custom field values (validate them against the schema first). */
    public Contact withCustomFields(CustomFields values, Instant now) {
        return new Contact(id, version, name, emails, phones, addresses, language, birthday, consent, affiliations,
                values, owner, createdAt, now);
    }

    /** A copy with another owner. */
    public Contact withOwner(Optional<UserId> newOwner, Instant now) {
        return new Contact(id, version, name, emails, phones, addresses, language, birthday, consent, affiliations,
                customFields, newOwner, createdAt, now);
    }

    /** A copy at another stored version; for stores only. */
    public Contact atVersion(long newVersion) {
        return new Contact(id, newVersion, name, emails, phones, addresses, language, birthday, consent,
                affiliations, customFields, owner, createdAt, updatedAt);
    }
}
