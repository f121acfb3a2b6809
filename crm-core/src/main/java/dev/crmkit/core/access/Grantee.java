package dev.crmkit.core.access;

import dev.crmkit.core.kernel.UserId;

import java.util.Objects;

/** Whom a share is granted to: one user, or a team (with the teams below it). */
public sealed interface Grantee permits Grantee.ToUser, Grantee.ToTeam {

    /** A user. */
    static Grantee user(String id) {
        return new ToUser(UserId.of(id));
    }

    /** A team. */
    static Grantee team(String id) {
        return new ToTeam(TeamId.of(id));
    }

    /**
     * One user.
     *
     * @param user the user
     */
    record ToUser(UserId user) implements Grantee {
        /** Validates presence. */
        public ToUser {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public String toString() {
            return "user " + user;
        }
    }

    /**
     * The members of a team and of the teams below it.
     *
     * @param team the team
     */
    record ToTeam(TeamId team) implements Grantee {
        /** Validates presence. */
        public ToTeam {
            Objects.requireNonNull(team, "team");
        }

        @Override
        public String toString() {
            return "team " + team;
        }
    }
}
