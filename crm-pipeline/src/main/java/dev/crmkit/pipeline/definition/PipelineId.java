package dev.crmkit.pipeline.definition;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a stored pipeline. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record PipelineId(UUID value) {

    /** Validates presence. */
    public PipelineId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the UUID form {@link #toString()} writes. */
    public static PipelineId parse(String text) {
        return new PipelineId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
