package dev.crmkit.service.visit;

import java.util.Objects;

/**
 * A part used on a visit. Immutable and thread-safe.
 *
 * @param part     what it is
 * @param quantity how many, at least 1
 */
public record PartUsed(String part, int quantity) {

    /** Checks the parts. */
    public PartUsed {
        Objects.requireNonNull(part, "part");
        if (quantity < 1) {
            throw new IllegalArgumentException("a part's quantity is at least 1, was " + quantity);
        }
    }
}
