package dev.crmkit.campaigns.segment;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * A saved segment of stored contacts: its name, its filter and the version it was stored at (0 before it is stored
 * for the first time). Dynamic: the store keeps the filter, {@link ContactSegments} counts and pages its members as
 * they are now. Immutable and thread-safe.
 *
 * @param name    1 to 200 characters, not blank, the segment's key
 * @param filter  the filter
 * @param version 0 for a new segment, else the version read from the store
 */
public record SegmentDefinition(String name, ContactFilter filter, long version) {

    /** The longest name. */
    public static final int MAX_NAME = 200;

    /**
     * Validates the parts.
     *
     * @throws ValidationException naming {@code name} when blank or longer than 200 characters, or {@code version}
     *                             when negative
     */
    public SegmentDefinition {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw ValidationException.of("name", "required", "a segment needs a name");
        }
        if (name.length() > MAX_NAME) {
            throw ValidationException.of("name", "max-length", "a segment name is at most " + MAX_NAME
                    + " characters, was " + name.length());
        }
        Objects.requireNonNull(filter, "filter");
        if (version < 0) {
            throw ValidationException.of("version", "not-negative", "must be 0 or more, was " + version);
        }
    }

    /** A new segment, not stored yet. */
    public static SegmentDefinition of(String name, ContactFilter filter) {
        return new SegmentDefinition(name, filter, 0);
    }

    /** This segment with another filter, at the same version (to be saved). */
    public SegmentDefinition withFilter(ContactFilter other) {
        return new SegmentDefinition(name, other, version);
    }
}
