package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named group of people that leads are routed to. Immutable and thread-safe.
 *
 * @param name    the name, not blank; rotations are kept per team name
 * @param members the members, at least one, each user once
 */
public record Team(String name, List<Member> members) {

    /** Validates the parts. */
    public Team {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty()) {
            throw ValidationException.of("team.name", "required", "a team needs a name");
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw ValidationException.of("team.members", "required", "team " + name + " has no members");
        }
        Set<UserId> seen = new HashSet<>();
        for (Member m : members) {
            if (!seen.add(m.user())) {
                throw ValidationException.of("team.members", "unique", m.user() + " is listed twice in " + name);
            }
        }
    }

    /** A team of members with weight 1 and no capacity limit. */
    public static Team of(String name, String... users) {
        return new Team(name, Arrays.stream(users).map(Member::of).toList());
    }

    /** A team of one, used as a default owner. */
    public static Team owner(UserId user) {
        return new Team("owner " + user.value(), List.of(Member.of(user)));
    }

    /** Whether the user is a member. */
    public boolean has(UserId user) {
        return members.stream().anyMatch(m -> m.user().equals(user));
    }
}
