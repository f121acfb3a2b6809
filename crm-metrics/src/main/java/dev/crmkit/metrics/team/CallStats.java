package dev.crmkit.metrics.team;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Someone's calls: how many, which way, how they ended and the talk time. Every count is at least zero; inbound plus
 * outbound, and answered plus missed, are at most the total (a call of unknown direction or outcome counts in the
 * total only). Immutable and thread-safe.
 *
 * @param total               every call
 * @param inbound             calls from customers
 * @param outbound            calls to customers
 * @param answered            calls someone answered
 * @param missed              calls nobody answered
 * @param talkSeconds         the talk time of every call with a known duration, in seconds
 * @param timedAnswered       answered calls with a known duration
 * @param timedAnsweredSeconds their talk time, in seconds
 */
public record CallStats(long total, long inbound, long outbound, long answered, long missed, long talkSeconds,
                        long timedAnswered, long timedAnsweredSeconds) {

    /** No calls. */
    public static final CallStats NONE = new CallStats(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The average talk time of answered calls, over the answered calls whose duration is known (a call logged
     * without a duration is not counted as zero seconds), HALF_EVEN to one decimal; absent when there is none.
     */
    public Optional<BigDecimal> averageTalkSeconds() {
        return timedAnswered == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(timedAnsweredSeconds)
                .divide(BigDecimal.valueOf(timedAnswered), 1, RoundingMode.HALF_EVEN));
    }

    /** These calls and the other's together. */
    public CallStats plus(CallStats o) {
        return new CallStats(total + o.total, inbound + o.inbound, outbound + o.outbound, answered + o.answered,
                missed + o.missed, talkSeconds + o.talkSeconds, timedAnswered + o.timedAnswered,
                timedAnsweredSeconds + o.timedAnsweredSeconds);
    }
}
