package dev.crmkit.core.contact;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.kernel.DomainEvent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Collections;
import java.util.Set;

/** What happens to contacts. */
public sealed interface ContactEvent extends DomainEvent {

    /** The contact. */
    ContactId contactId();

    @Override
    default String aggregateId() {
        return contactId().toString();
    }

    /**
     * A contact was created.
     *
     * @param contactId  the contact
     * @param automatic  whether lead capture created it (rather than a person)
     * @param occurredAt when
     */
    record ContactCreated(ContactId contactId, boolean automatic, Instant occurredAt) implements ContactEvent {
    }

    /**
     * A contact's details changed.
     *
     * @param contactId  the contact
     * @param version    the new stored version
     * @param occurredAt when
     */
    record ContactChanged(ContactId contactId, long version, Instant occurredAt) implements ContactEvent {
    }

    /**
     * A contact was linked to a company, or the roles of the link changed.
     *
     * @param contactId  the contact
     * @param companyId  the company
     * @param roles      the roles now held
     * @param occurredAt when
     */
    record ContactAffiliated(ContactId contactId, CompanyId companyId, Set<CompanyRole> roles, Instant occurredAt)
            implements ContactEvent {
        /** Copies the roles, in the enum's order. */
        public ContactAffiliated {
            roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        }
    }
}
