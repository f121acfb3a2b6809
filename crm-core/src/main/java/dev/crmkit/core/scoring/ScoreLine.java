package dev.crmkit.core.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a score's explanation: a rule that fired, its points, and what they counted for after decay.
 *
 * @param rule    the rule's name
 * @param group   its group
 * @param points  the points the hit was worth
 * @param counted what they counted for, to two decimals: the points, or less when they decayed
 * @param age     how old the signal was when scored, for hits with a time
 * @param detail  what fired
 */
public record ScoreLine(String rule, ScoreGroup group, int points, BigDecimal counted, Optional<Duration> age,
                        String detail) {

    /** Validates presence. */
    public ScoreLine {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(counted, "counted");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether the points lost weight with age. */
    public boolean decayed() {
        return counted.compareTo(BigDecimal.valueOf(points)) != 0;
    }

    /** The line as text: {@code +10 demo sign-up: web visit 'Demo request' (3 days old, decayed to 7.94)}. */
    public String describe() {
        String sign = points >= 0 ? "+" : "";
        String decay = decayed() ? " (" + age.map(a -> a.toDays() + " days old, ").orElse("") + "decayed to "
                + counted.toPlainString() + ")" : "";
        return sign + points + " " + rule + ": " + detail + decay;
    }
}
