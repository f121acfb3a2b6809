package dev.crmkit.campaigns.segment;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.MarketingConsent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A condition on crm-core contacts' own fields, which a store can evaluate in its database ({@link ContactSegments}):
 * {@link #matches} is the reference evaluation every store must agree with. Values are data, never query text.
 * Immutable and thread-safe.
 */
public sealed interface ContactFilter permits ContactFilter.ConsentIs, ContactFilter.LanguageIs,
        ContactFilter.OwnerIs, ContactFilter.NoOwner, ContactFilter.CreatedBefore, ContactFilter.AllOf,
        ContactFilter.AnyOf, ContactFilter.Not {

    /** Whether the contact meets the condition. */
    boolean matches(Contact contact);

    /** The contact's marketing consent has the status. */
    record ConsentIs(MarketingConsent.Status status) implements ContactFilter {
        /** Checks presence. */
        public ConsentIs {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public boolean matches(Contact contact) {
            return contact.consent().status() == status;
        }
    }

    /** The contact's language is the BCP 47 tag (as normalised by {@link Locale#forLanguageTag}). */
    record LanguageIs(String tag) implements ContactFilter {
        /** Normalises the tag. */
        public LanguageIs {
            Objects.requireNonNull(tag, "tag");
            if (tag.isBlank()) {
                throw new IllegalArgumentException("tag must not be blank");
            }
            tag = Locale.forLanguageTag(tag).toLanguageTag();
        }

        @Override
        public boolean matches(Contact contact) {
            return contact.language().map(Locale::toLanguageTag).filter(tag::equals).isPresent();
        }
    }

    /** The contact is owned by the user id. */
    record OwnerIs(String userId) implements ContactFilter {
        /** Checks presence. */
        public OwnerIs {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public boolean matches(Contact contact) {
            return contact.owner().filter(o -> o.value().equals(userId)).isPresent();
        }
    }

    /** The contact has no owner. */
    record NoOwner() implements ContactFilter {
        @Override
        public boolean matches(Contact contact) {
            return contact.owner().isEmpty();
        }
    }

    /** The contact was created before the instant. */
    record CreatedBefore(Instant at) implements ContactFilter {
        /** Checks presence. */
        public CreatedBefore {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean matches(Contact contact) {
            return contact.createdAt().isBefore(at);
        }
    }

    /** Every filter matches (none given: every contact). */
    record AllOf(List<ContactFilter> filters) implements ContactFilter {
        /** Copies the list. */
        public AllOf {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean matches(Contact contact) {
            return filters.stream().allMatch(f -> f.matches(contact));
        }
    }

    /** At least one filter matches (none given: no contact). */
    record AnyOf(List<ContactFilter> filters) implements ContactFilter {
        /** Copies the list. */
        public AnyOf {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean matches(Contact contact) {
            return filters.stream().anyMatch(f -> f.matches(contact));
        }
    }

    /** The filter does not match. */
    record Not(ContactFilter filter) implements ContactFilter {
        /** Checks presence. */
        public Not {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public boolean matches(Contact contact) {
            return !filter.matches(contact);
        }
    }
}
