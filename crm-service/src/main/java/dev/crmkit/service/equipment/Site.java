package dev.crmkit.service.equipment;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Address;

import java.util.Objects;
import java.util.Optional;

/**
 * Where equipment is installed: an address, and the contact person present there when that is not the customer who
 * pays (a tenant, a site manager). Immutable and thread-safe.
 *
 * @param address     the address of the site
 * @param siteContact who receives the engineer there, if not the customer
 */
public record Site(Address address, Optional<ContactId> siteContact) {

    /** Checks both parts are present. */
    public Site {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(siteContact, "siteContact");
    }

    /** A site at the customer's own address, the customer receiving the engineer. */
    public static Site at(Address address) {
        return new Site(address, Optional.empty());
    }
}
