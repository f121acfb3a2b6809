package dev.crmkit.core.access;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * The identity of a team (a business unit), chosen by the host. Immutable and thread-safe.
 *
 * @param value the id, 1 to 100 characters, not blank
 */
public record TeamId(String value) {

    /** Validates the id. */
    public TeamId {
        Names.check(Objects.requireNonNull(value, "value"), "teamId");
    }

    /** The team with this id. */
    public static TeamId of(String value) {
        return new TeamId(value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The checks every access id shares. */
    static final class Names {
        private Names() {
        }

        static void check(String value, String field) {
            check(value, field, 100);
        }

        static void check(String value, String field, int max) {
            if (value.isBlank()) {
                throw ValidationException.of(field, "required", "a " + field + " must not be blank");
            }
            if (value.length() > max) {
                throw ValidationException.of(field, "max-length", "a " + field + " is at most " + max
                        + " characters, got " + value.length());
            }
        }
    }
}
