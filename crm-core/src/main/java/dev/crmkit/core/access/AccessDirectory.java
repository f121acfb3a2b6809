package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordType;

/**
 * The port that stores the organization: users, teams, roles and per-type default accesses. Saves replace what is
 * stored under the same id and run in the caller's unit of work (or one of their own); {@link #organization()} reads
 * the whole, checked. Implementations are thread-safe.
 */
public interface AccessDirectory {

    /** Stores a team, replacing the one with its id. */
    void save(Team team);

    /** Stores a role with its scopes, field and administrative permissions, replacing the one with its id. */
    void save(Role role);

    /** Stores a user, replacing the one with their id. */
    void save(User user);

    /** Sets the default access of a record type. */
    void setDefault(RecordType type, DefaultAccess access);

    /**
     * Everything stored, as one checked organization.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if what is stored references a team or role not stored,
     *                                                    or forms a cycle
     */
    Organization organization();
}
