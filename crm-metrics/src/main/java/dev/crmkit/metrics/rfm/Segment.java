package dev.crmkit.metrics.rfm;

/** The 11 named RFM customer segments, from the best customers to the lost ones. */
public enum Segment {
    /** Bought recently, buy often and spend the most. */
    CHAMPIONS("champions"),
    /** Buy often and spend well, fairly recently. */
    LOYAL_CUSTOMERS("loyal customers"),
    /** Recent customers with average frequency and spend. */
    POTENTIAL_LOYALISTS("potential loyalists"),
    /** Bought most recently, but rarely and little so far. */
    NEW_CUSTOMERS("new customers"),
    /** Recent shoppers who have not spent much. */
    PROMISING("promising"),
    /** Average recency, frequency and spend. */
    NEED_ATTENTION("need attention"),
    /** Below-average recency and frequency; will be lost if not reactivated. */
    ABOUT_TO_SLEEP("about to sleep"),
    /** Spent well and bought often, but long ago. */
    AT_RISK("at risk"),
    /** Made the biggest and most frequent purchases, but have not returned for a long time. */
    CANT_LOSE_THEM("can't lose them"),
    /** Last purchase long ago, low frequency and spend. */
    HIBERNATING("hibernating"),
    /** Lowest recency, frequency and spend. */
    LOST("lost");

    private final String label;

    Segment(String label) {
        this.label = label;
    }

    /** The segment's name for people, for example {@code "can't lose them"}. */
    public String label() {
        return label;
    }
}
