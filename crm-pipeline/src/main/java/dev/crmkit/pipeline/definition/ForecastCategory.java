package dev.crmkit.pipeline.definition;

/**
 * How sure the business is of the deals in a stage. Cumulative: closed deals also count as commit, commit as best
 * case, best case as pipeline; omitted deals count nowhere.
 */
public enum ForecastCategory {
    /** Early: counts in the pipeline total only. */
    PIPELINE,
    /** Likely if things go well. */
    BEST_CASE,
    /** Committed to by the owner. */
    COMMIT,
    /** Won. */
    CLOSED,
    /** Left out of the forecast (lost deals, for example). */
    OMITTED;

    /** Whether a deal of this category counts in the cumulative total of {@code total}. */
    public boolean countsIn(ForecastCategory total) {
        if (this == OMITTED || total == OMITTED) {
            return false;
        }
        return rank() >= total.rank();
    }

    private int rank() {
        return switch (this) {
            case PIPELINE -> 0;
            case BEST_CASE -> 1;
            case COMMIT -> 2;
            case CLOSED -> 3;
            case OMITTED -> -1;
        };
    }
}
