package dev.crmkit.core.company;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a company. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record CompanyId(UUID value) {

    /** Validates presence. */
    public CompanyId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the UUID form {@link #toString()} writes. */
    public static CompanyId parse(String text) {
        return new CompanyId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
