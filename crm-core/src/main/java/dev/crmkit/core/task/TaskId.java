package dev.crmkit.core.task;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a task. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record TaskId(UUID value) {

    /** Validates presence. */
    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the UUID form {@link #toString()} writes. */
    public static TaskId parse(String text) {
        return new TaskId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
