package dev.crmkit.metrics.clv;

/**
 * The unit in which a {@link CustomerSummaries} expresses recency and age, and in which a model's horizons are read:
 * a day, a week of 7 days or a month of 30 days.
 */
public enum TimeUnit {
    /** One calendar day. */
    DAY(1),
    /** Seven days. */
    WEEK(7),
    /** Thirty days (the usual convention; not a calendar month). */
    MONTH(30);

    private final int days;

    TimeUnit(int days) {
        this.days = days;
    }

    /** How many days one unit holds. */
    public int days() {
        return days;
    }

    /** How many of this unit a month of 30 days is: 30 for days, 30/7 for weeks, 1 for months. */
    public double unitsPerMonth() {
        return 30.0 / days;
    }
}
