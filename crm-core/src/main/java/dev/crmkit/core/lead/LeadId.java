package dev.crmkit.core.lead;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a lead. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record LeadId(UUID value) {

    /** Validates presence. */
    public LeadId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the UUID form {@link #toString()} writes. */
    public static LeadId parse(String text) {
        return new LeadId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
