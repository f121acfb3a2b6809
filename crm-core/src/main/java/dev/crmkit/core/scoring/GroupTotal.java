package dev.crmkit.core.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one group contributed to a score.
 *
 * @param group   the group
 * @param raw     the sum of its lines' counted points
 * @param counted what it counted for: the raw sum held within plus or minus the cap
 * @param cap     the group's cap
 */
public record GroupTotal(ScoreGroup group, BigDecimal raw, BigDecimal counted, int cap) {

    /** Validates presence. */
    public GroupTotal {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(counted, "counted");
    }

    /** Whether the cap cut the group's points. */
    public boolean capped() {
        return raw.compareTo(counted) != 0;
    }
}
