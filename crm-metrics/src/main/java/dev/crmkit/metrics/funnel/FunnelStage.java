package dev.crmkit.metrics.funnel;

/**
 * One stage of a computed funnel. Immutable and thread-safe.
 *
 * @param name                   the stage
 * @param count                  how many reached it
 * @param conversionFromPrevious count / previous stage's count (the first stage: count / count)
 * @param conversionFromFirst    count / first stage's count; the product of every step so far
 * @param dropOff                previous stage's count - count (0 for the first stage)
 * @param dropOffRate            dropOff / previous stage's count (0 / first count for the first stage)
 */
public record FunnelStage(String name, long count, Ratio conversionFromPrevious, Ratio conversionFromFirst,
        long dropOff, Ratio dropOffRate) {
}
