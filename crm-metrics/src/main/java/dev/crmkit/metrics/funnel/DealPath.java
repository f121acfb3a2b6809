package dev.crmkit.metrics.funnel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One deal's history boiled down: the furthest ordered stage it reached, how it stands, its finished stays and its
 * group attributes.
 */
record DealPath(String dealId, int furthest, Status status, Instant firstEntry, Instant latestEntry,
        List<Stay> stays, Optional<String> source, Optional<String> owner, Optional<String> pipeline) {

    /** Where the deal stands after its latest entry. */
    enum Status { OPEN, WON, LOST }

    /** A finished stay in a stage. */
    record Stay(String stage, Duration duration) {
    }

    Duration lifecycle() {
        return Duration.between(firstEntry, latestEntry);
    }
}
