package dev.crmkit.service.equipment;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a piece of installed equipment. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record EquipmentId(UUID value) {

    /** Checks the value is present. */
    public EquipmentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
