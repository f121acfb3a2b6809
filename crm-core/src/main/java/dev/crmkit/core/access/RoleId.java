package dev.crmkit.core.access;

import java.util.Objects;

/**
 * The identity of a role, chosen by the host. Immutable and thread-safe.
 *
 * @param value the id, 1 to 100 characters, not blank
 */
public record RoleId(String value) {

    /** Validates the id. */
    public RoleId {
        TeamId.Names.check(Objects.requireNonNull(value, "value"), "roleId");
    }

    /** The role with this id. */
    public static RoleId of(String value) {
        return new RoleId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
