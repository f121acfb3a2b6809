package dev.crmkit.pipeline.deal;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a deal. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record DealId(UUID value) {

    /** Validates presence. */
    public DealId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the UUID form {@link #toString()} writes. */
    public static DealId parse(String text) {
        return new DealId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
