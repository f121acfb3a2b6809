package dev.crmkit.kit.archive;

import dev.crmkit.core.access.Role;

import java.util.Objects;

/**
 * A role as the export holds it: with its depth, the number of roles above it (the one it reports to, and so on), so that a restore in key order
 * ({@link #key()}) stores every role after the ones it names and the directory never holds a dangling reference.
 *
 * @param depth how many levels are above the role, 0 at the top
 * @param role  the role
 */
public record RoleEntry(int depth, Role role) {

    /** Checks the depth is not negative and the role is given. */
    public RoleEntry {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative: " + depth);
        }
        Objects.requireNonNull(role, "role");
    }

    /** The key: the depth padded to 10 digits, a slash, the id. */
    public String key() {
        return DirectoryArchives.depthKey(depth, role.id().value());
    }
}
