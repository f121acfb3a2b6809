package dev.crmkit.core.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How long the audit trail keeps its entries, and the job that removes older ones. Running it on several nodes at
 * once is safe: each removes what is older than its cutoff, and a row removed by one is simply not found by the
 * other. Immutable and thread-safe.
 */
public final class AuditRetention {

    private final Duration keep;
    private final Clock clock;

    private AuditRetention(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    /**
     * Keeps entries for a duration.
     *
     * @throws IllegalArgumentException naming the setting if the duration is not positive
     */
    public static AuditRetention keep(Duration keep, Clock clock) {
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(clock, "clock");
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("audit retention must be positive, got " + keep);
        }
        return new AuditRetention(keep, clock);
    }

    /** How long entries are kept. */
    public Duration duration() {
        return keep;
    }

    /** Removes the entries older than the retention from now, and returns how many. */
    public long run(AuditTrail trail) {
        return trail.purgeBefore(clock.instant().minus(keep));
    }
}
