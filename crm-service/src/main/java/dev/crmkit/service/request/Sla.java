package dev.crmkit.service.request;

import dev.crmkit.core.kernel.ValidationException;

import java.time.Duration;
import java.util.Objects;

/**
 * A service-level agreement: respond within a time, resolve within a longer one, both from the request's opening.
 * Immutable and thread-safe.
 *
 * @param respondWithin time allowed to the first response, positive
 * @param resolveWithin time allowed to the resolution, not shorter than {@code respondWithin}
 */
public record Sla(Duration respondWithin, Duration resolveWithin) {

    /**
     * Checks the durations.
     *
     * @throws ValidationException naming the field
     */
    public Sla {
        Objects.requireNonNull(respondWithin, "respondWithin");
        Objects.requireNonNull(resolveWithin, "resolveWithin");
        if (respondWithin.isNegative() || respondWithin.isZero()) {
            throw ValidationException.of("sla.respondWithin", "positive", "must be positive");
        }
        if (resolveWithin.compareTo(respondWithin) < 0) {
            throw ValidationException.of("sla.resolveWithin", "not-before-response",
                    "must not be shorter than respondWithin " + respondWithin);
        }
    }
}
