package dev.crmkit.core.activity;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of an activity. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record ActivityId(UUID value) {

    /** Validates presence. */
    public ActivityId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the UUID form {@link #toString()} writes. */
    public static ActivityId parse(String text) {
        return new ActivityId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
