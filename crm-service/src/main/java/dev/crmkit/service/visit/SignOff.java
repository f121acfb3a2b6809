package dev.crmkit.service.visit;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer's sign-off of a visit: who signed and when. Immutable and thread-safe.
 *
 * @param signedBy the name of who signed
 * @param signedAt when
 */
public record SignOff(String signedBy, Instant signedAt) {

    /** Checks both parts are present. */
    public SignOff {
        Objects.requireNonNull(signedBy, "signedBy");
        Objects.requireNonNull(signedAt, "signedAt");
    }
}
