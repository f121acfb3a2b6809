package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.UserId;

import java.util.TreeSet;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/**
 * Who moves a deal: a user of the host application with the roles the host gave them. Immutable and thread-safe.
 *
 * @param user  the user
 * @param roles the user's roles, possibly none
 */
public record Actor(UserId user, Set<String> roles) {

    /** Copies the roles, sorted. */
    public Actor {
        Objects.requireNonNull(user, "user");
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    }

    /** A user with roles. */
    public static Actor of(String user, String... roles) {
        return new Actor(UserId.of(user), Set.of(roles));
    }

    /**
     * The mover for an actor of crm-core's access model (the host's {@link dev.crmkit.core.access.CurrentActor}, the
     * CLI's {@code crm --as}), so both name the same person with the same role: a user with the id of their access
     * role when the organization knows them, a system process as the user named after it; plus further roles.
     *
     * @param more further roles the host gives the mover
     */
    public static Actor of(dev.crmkit.core.access.Actor actor, dev.crmkit.core.access.Organization organization,
                           Set<String> more) {
        Objects.requireNonNull(organization, "organization");
        Set<String> roles = new TreeSet<>(more);
        if (actor instanceof dev.crmkit.core.access.Actor.Person p) {
            organization.user(p.user()).ifPresent(u -> roles.add(u.role().value()));
            return new Actor(p.user(), roles);
        }
        return new Actor(UserId.of(((dev.crmkit.core.access.Actor.SystemProcess) actor).name()), roles);
    }

    /** Whether the user has the role. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
