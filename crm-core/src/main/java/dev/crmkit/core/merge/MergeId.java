package dev.crmkit.core.merge;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a merge. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record MergeId(UUID value) {

    /** Validates presence. */
    public MergeId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the UUID form {@link #toString()} writes. */
    public static MergeId parse(String text) {
        return new MergeId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
