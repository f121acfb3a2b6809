package dev.crmkit.service.request;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a service request. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record ServiceRequestId(UUID value) {

    /** Checks the value is present. */
    public ServiceRequestId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
