package dev.crmkit.core.access;

import dev.crmkit.core.kernel.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * A person who works in the CRM, as access control knows them: their team, their role and the e-mail address that
 * names them among the participants of timeline items. Immutable and thread-safe.
 *
 * @param id    the host's id of the user (the one records carry as owner)
 * @param name  the display name
 * @param email the address that identifies them as a participant, lower case, if known
 * @param team  the team they belong to, if any
 * @param role  their role
 */
public record User(UserId id, String name, Optional<String> email, Optional<TeamId> team, RoleId role) {

    /** Validates presence and normalizes the address to lower case. */
    public User {
        Objects.requireNonNull(id, "id");
        TeamId.Names.check(Objects.requireNonNull(name, "name"), "name", 200);
        email = Objects.requireNonNull(email, "email").map(e -> e.trim().toLowerCase(java.util.Locale.ROOT));
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(role, "role");
        if (id.value().length() > 200) {
            throw dev.crmkit.core.kernel.ValidationException.of("id", "max-length", "a user id is at most 200 "
                    + "characters, got " + id.value().length());
        }
        email.ifPresent(e -> TeamId.Names.check(e, "email", 320));
    }

    /** A user in a team with a role and no e-mail address. */
    public static User of(String id, String team, String role) {
        return new User(UserId.of(id), id, Optional.empty(), Optional.of(TeamId.of(team)), RoleId.of(role));
    }

    /** A copy with an e-mail address. */
    public User withEmail(String address) {
        return new User(id, name, Optional.of(address), team, role);
    }
}
