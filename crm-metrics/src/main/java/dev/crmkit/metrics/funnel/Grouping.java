package dev.crmkit.metrics.funnel;

/**
 * What {@link StageHistoryFunnel#analyzeBy} groups deals by. A deal's source, owner and pipeline are the first value
 * present in its history in time order; its period is the month (at the given zone) of its first stage entry, written
 * {@code YYYY-MM}. Deals without a value go to {@link StageHistoryFunnel#NO_VALUE}.
 */
public enum Grouping {
    /** By the deal's source. */
    SOURCE,
    /** By the deal's owner. */
    OWNER,
    /** By the deal's pipeline. */
    PIPELINE,
    /** By the month of the deal's first stage entry. */
    PERIOD
}
