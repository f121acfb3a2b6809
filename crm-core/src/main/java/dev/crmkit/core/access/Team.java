package dev.crmkit.core.access;

import java.util.Objects;
import java.util.Optional;

/**
 * A team, or business unit: teams nest, and a scope or default access that reaches a team reaches the teams below it
 * too. Immutable and thread-safe.
 *
 * @param id     the identity
 * @param name   what people call it
 * @param parent the team it belongs to, if any
 */
public record Team(TeamId id, String name, Optional<TeamId> parent) {

    /** Validates the parts; a team cannot be its own parent. */
    public Team {
        Objects.requireNonNull(id, "id");
        TeamId.Names.check(Objects.requireNonNull(name, "name"), "name", 200);
        Objects.requireNonNull(parent, "parent");
        if (parent.filter(id::equals).isPresent()) {
            throw dev.crmkit.core.kernel.ValidationException.of("parent", "acyclic", "team " + id
                    + " cannot be its own parent");
        }
    }

    /** A top-level team. */
    public static Team of(String id, String name) {
        return new Team(TeamId.of(id), name, Optional.empty());
    }

    /** A team below another. */
    public static Team below(String id, String name, String parent) {
        return new Team(TeamId.of(id), name, Optional.of(TeamId.of(parent)));
    }
}
