package dev.crmkit.service.visit;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a visit. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record VisitId(UUID value) {

    /** Checks the value is present. */
    public VisitId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
