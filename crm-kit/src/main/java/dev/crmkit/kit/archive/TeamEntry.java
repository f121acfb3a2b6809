package dev.crmkit.kit.archive;

import dev.crmkit.core.access.Team;

import java.util.Objects;

/**
 * A team as the export holds it: with its depth, the number of parents (teams above it), so that a restore in key order
 * ({@link #key()}) stores every team after the ones it names and the directory never holds a dangling reference.
 *
 * @param depth how many levels are above the team, 0 at the top
 * @param team  the team
 */
public record TeamEntry(int depth, Team team) {

    /** Checks the depth is not negative and the team is given. */
    public TeamEntry {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative: " + depth);
        }
        Objects.requireNonNull(team, "team");
    }

    /** The key: the depth padded to 10 digits, a slash, the id. */
    public String key() {
        return DirectoryArchives.depthKey(depth, team.id().value());
    }
}
