package dev.crmkit.core.privacy;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a person is named when they ask for their data: by e-mail, phone or contact id. Immutable and thread-safe.
 */
public sealed interface PersonKey {

    /** The e-mail, when named by e-mail. */
    default Optional<EmailAddress> email() {
        return Optional.empty();
    }

    /** The phone, when named by phone. */
    default Optional<PhoneNumber> phone() {
        return Optional.empty();
    }

    /** The contact id, when named by id. */
    default Optional<ContactId> contactId() {
        return Optional.empty();
    }

    /**
     * A person named by e-mail.
     *
     * @param value the e-mail
     */
    record ByEmail(EmailAddress value) implements PersonKey {
        /** Validates presence. */
        public ByEmail {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<EmailAddress> email() {
            return Optional.of(value);
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /**
     * A person named by phone.
     *
     * @param value the phone
     */
    record ByPhone(PhoneNumber value) implements PersonKey {
        /** Validates presence. */
        public ByPhone {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<PhoneNumber> phone() {
            return Optional.of(value);
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /**
     * A person named by contact id.
     *
     * @param value the contact id
     */
    record ByContact(ContactId value) implements PersonKey {
        /** Validates presence. */
        public ByContact {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<ContactId> contactId() {
            return Optional.of(value);
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /**
     * Reads what a user typed: a UUID is a contact id, text with an {@code @} an e-mail, anything else a phone read
     * in the default region.
     *
     * @throws IllegalArgumentException naming the field {@code person} and the rule when it is none of the three
     */
    static PersonKey parse(String text, String defaultRegion) {
        Objects.requireNonNull(text, "person");
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("person: must not be blank (an e-mail, a phone or a contact id) "
                    + "[required]");
        }
        try {
            return new ByContact(new ContactId(UUID.fromString(t)));
        } catch (IllegalArgumentException notAnId) {
            // not an id: an e-mail or a phone
        }
        if (t.contains("@")) {
            return EmailAddress.tryParse(t).<PersonKey>map(ByEmail::new).orElseThrow(() ->
                    new IllegalArgumentException("person: '" + t + "' is not a valid e-mail address [format]"));
        }
        return PhoneNumber.tryParse(t, defaultRegion).<PersonKey>map(ByPhone::new).orElseThrow(() ->
                new IllegalArgumentException("person: '" + t + "' is neither an e-mail, a phone number nor a "
                        + "contact id [format]"));
    }
}
