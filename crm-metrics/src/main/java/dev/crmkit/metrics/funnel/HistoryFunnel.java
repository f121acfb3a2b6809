package dev.crmkit.metrics.funnel;

import dev.crmkit.core.kernel.Money;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The funnel measured from stage history. Immutable and thread-safe.
 *
 * @param funnel              per ordered stage, how many deals reached it (at most once per deal, earlier stages
 *                            counted as passed through) with conversion and drop-off
 * @param deals               deals in the history
 * @param won                 deals whose latest entry is the won stage
 * @param lost                deals whose latest entry is the lost stage
 * @param open                the other deals
 * @param winRate             won / (won + lost) when the definition has a lost stage, else won / deals
 * @param averageTimeInStage  per stage (definition order, then the lost stage) the mean time from entering it to the
 *                            deal's next entry; stays without a next entry (the current stage) are not counted, and a
 *                            stage without any finished stay is absent. Truncated to the nanosecond
 * @param averageLifecycle    mean time from a closed (won or lost) deal's first entry to its latest entry; empty when
 *                            no deal is closed
 * @param averageWonCycle     the same over won deals only: the cycle length of the sales velocity
 * @param averageWonDealSize  the mean amount of the won deals that have one, rounded HALF_EVEN to the currency's scale
 * @param salesVelocityPerDay {@code open deals x win rate x average won deal size / average won cycle in days},
 *                            rounded HALF_EVEN to the currency's scale; empty without a won deal with an amount or with
 *                            a zero cycle
 */
public record HistoryFunnel(FunnelReport funnel, long deals, long won, long lost, long open, Ratio winRate,
        Map<String, Duration> averageTimeInStage, Optional<Duration> averageLifecycle,
        Optional<Duration> averageWonCycle, Optional<Money> averageWonDealSize, Optional<Money> salesVelocityPerDay) {

    /** Copies the map, keeping its order. */
    public HistoryFunnel {
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(winRate, "winRate");
        averageTimeInStage = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(averageTimeInStage, "averageTimeInStage")));
        Objects.requireNonNull(averageLifecycle, "averageLifecycle");
        Objects.requireNonNull(averageWonCycle, "averageWonCycle");
        Objects.requireNonNull(averageWonDealSize, "averageWonDealSize");
        Objects.requireNonNull(salesVelocityPerDay, "salesVelocityPerDay");
    }
}
