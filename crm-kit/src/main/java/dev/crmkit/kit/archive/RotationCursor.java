package dev.crmkit.kit.archive;

import java.util.Objects;

/**
 * Where a rotation of the assignment state stands: the ticket its next {@code advance} hands out.
 *
 * @param rotation   the rotation's name
 * @param nextTicket the next ticket, at least 0
 */
public record RotationCursor(String rotation, long nextTicket) {

    /** Checks the parts. */
    public RotationCursor {
        Objects.requireNonNull(rotation, "rotation");
        if (nextTicket < 0) {
            throw new IllegalArgumentException("nextTicket must not be negative: " + nextTicket);
        }
    }
}
