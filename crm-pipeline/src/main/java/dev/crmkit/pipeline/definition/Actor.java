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

    /** Whether the user has the role. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
