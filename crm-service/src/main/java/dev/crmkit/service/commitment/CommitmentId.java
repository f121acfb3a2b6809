package dev.crmkit.service.commitment;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a recorded commitment. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record CommitmentId(UUID value) {

    /** Checks the value is present. */
    public CommitmentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
