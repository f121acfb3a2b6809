package dev.crmkit.core.privacy;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a person is named when they ask for their data: by e-mail, phone or contact id. Immutable and thread-safe.
 *
 * @param email     the e-mail, when named by e-mail
 * @param phone     the phone, when named by phone
 * @param contactId the contact id, when named by id
 */
public record PersonKey(Optional<EmailAddress> email, Optional<PhoneNumber> phone, Optional<ContactId> contactId) {

    /** Checks that exactly one way of naming is present. */
    public PersonKey {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(contactId, "contactId");
        int named = (email.isPresent() ? 1 : 0) + (phone.isPresent() ? 1 : 0) + (contactId.isPresent() ? 1 : 0);
        if (named != 1) {
            throw new IllegalArgumentException("person: name exactly one of e-mail, phone or contact id");
        }
    }

    /**
     * Reads what a user typed: a UUID is a contact id, text with an {@code @} an e-mail, anything else a phone read
     * in the default region.
     *
     * @throws IllegalArgumentException naming the field {@code person} and the rule when it is none of the three
     */
    public static PersonKey parse(String text, String defaultRegion) {
        Objects.requireNonNull(text, "person");
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("person: must not be blank (an e-mail, a phone or a contact id)");
        }
        try {
            return of(new ContactId(UUID.fromString(t)));
        } catch (IllegalArgumentException notAnId) {
            // not an id: an e-mail or a phone
        }
        if (t.contains("@")) {
            return EmailAddress.tryParse(t).map(PersonKey::of).orElseThrow(() -> new IllegalArgumentException(
                    "person: '" + t + "' is not a valid e-mail address [format]"));
        }
        return PhoneNumber.tryParse(t, defaultRegion).map(PersonKey::of).orElseThrow(() ->
                new IllegalArgumentException("person: '" + t + "' is neither an e-mail, a phone number nor a "
                        + "contact id [format]"));
    }

    /** A person named by e-mail. */
    public static PersonKey of(EmailAddress email) {
        return new PersonKey(Optional.of(email), Optional.empty(), Optional.empty());
    }

    /** A person named by phone. */
    public static PersonKey of(PhoneNumber phone) {
        return new PersonKey(Optional.empty(), Optional.of(phone), Optional.empty());
    }

    /** A person named by contact id. */
    public static PersonKey of(ContactId id) {
        return new PersonKey(Optional.empty(), Optional.empty(), Optional.of(id));
    }

    @Override
    public String toString() {
        return email.map(EmailAddress::toString).or(() -> phone.map(PhoneNumber::toString))
                .orElseGet(() -> contactId.orElseThrow().toString());
    }
}
