package dev.crmkit.service.plan;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a service plan. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record ServicePlanId(UUID value) {

    /** Checks the value is present. */
    public ServicePlanId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
