package dev.crmkit.core.scoring;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One firing of a scoring rule: its points (negative to subtract), when the signal happened (for decay) and what it
 * was. Immutable and thread-safe.
 *
 * @param points the points, -100 to 100
 * @param at     when the signal happened; empty for facts without a time, which never decay
 * @param detail what fired, for the explanation: {@code web visit 'Pricing'}
 */
public record Hit(int points, Optional<Instant> at, String detail) {

    /** Validates the parts. */
    public Hit {
        if (points < -100 || points > 100) {
            throw new IllegalArgumentException("a hit is worth -100 to 100 points, got " + points);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }

    /** A hit for a fact without a time. */
    public static Hit of(int points, String detail) {
        return new Hit(points, Optional.empty(), detail);
    }

    /** A hit for a signal at a time. */
    public static Hit at(int points, Instant at, String detail) {
        return new Hit(points, Optional.of(at), detail);
    }
}
