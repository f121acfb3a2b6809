package dev.crmkit.core.contact;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a contact. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record ContactId(UUID value) {

    /** Validates presence. */
    public ContactId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the UUID form {@link #toString()} writes. */
    public static ContactId parse(String text) {
        return new ContactId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
