package dev.crmkit.core.contact;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.kernel.ValidationException;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A contact's link to a company, with the roles the contact plays there. Immutable and thread-safe.
 *
 * @param companyId the company
 * @param roles     at least one role
 * @param site      for a {@link CompanyRole#SITE_CONTACT}, the site the person is present at; otherwise may be empty
 */
public record Affiliation(CompanyId companyId, Set<CompanyRole> roles, String site) {

    /** Validates the link. */
    public Affiliation {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(roles, "roles");
        site = Objects.requireNonNull(site, "site").strip();
        if (roles.isEmpty()) {
            throw ValidationException.of("roles", "required", "an affiliation needs at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles)); // in the enum's order, on every JVM
    }

    /** A link with these roles and no site. */
    public static Affiliation of(CompanyId companyId, CompanyRole... roles) {
        return new Affiliation(companyId, Set.of(roles), "");
    }
}
