package dev.crmkit.core.kernel;

import java.util.Objects;

/**
 * A person who works in the CRM (an owner, an assignee), identified by the host application's own user id.
 * Immutable and thread-safe.
 *
 * @param value the host's id for the user, not blank
 */
public record UserId(String value) {

    /** Validates the id. */
    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw ValidationException.of("userId", "required", "a user id must not be blank");
        }
    }

    /** The user with this id. */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
