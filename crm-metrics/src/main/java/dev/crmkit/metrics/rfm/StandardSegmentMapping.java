package dev.crmkit.metrics.rfm;

import dev.crmkit.core.kernel.ValidationException;

/**
 * The common published RFM segment grid over the recency score R and the combined frequency-monetary score
 * {@code FM = ceil((F + M) / 2)} (the average rounded half up). Rows are R, columns FM:
 * <pre>
 *        FM=1             FM=2                 FM=3                 FM=4             FM=5
 * R=5    new customers    potential loyalists  potential loyalists  champions        champions
 * R=4    promising        potential loyalists  potential loyalists  loyal customers  loyal customers
 * R=3    about to sleep   about to sleep       need attention       loyal customers  loyal customers
 * R=2    hibernating      hibernating          at risk              at risk          can't lose them
 * R=1    lost             lost                 at risk              at risk          can't lose them
 * </pre>
 * This is the widely used R/F segment map (champions R5 FM4-5, loyal R3-4 FM4-5, potential loyalists R4-5 FM2-3, new
 * customers R5 FM1, promising R4 FM1, need attention R3 FM3, about to sleep R3 FM1-2, at risk R1-2 FM3-4, can't lose
 * them R1-2 FM5, hibernating R1-2 FM1-2) with the oldest cell of hibernating (R1) named lost. Immutable and
 * thread-safe.
 */
public final class StandardSegmentMapping implements SegmentMapping {

    /** The one instance. */
    public static final StandardSegmentMapping INSTANCE = new StandardSegmentMapping();

    private static final Segment N = Segment.NEW_CUSTOMERS;
    private static final Segment PL = Segment.POTENTIAL_LOYALISTS;
    private static final Segment C = Segment.CHAMPIONS;
    private static final Segment PR = Segment.PROMISING;
    private static final Segment LC = Segment.LOYAL_CUSTOMERS;
    private static final Segment AS = Segment.ABOUT_TO_SLEEP;
    private static final Segment NA = Segment.NEED_ATTENTION;
    private static final Segment H = Segment.HIBERNATING;
    private static final Segment AR = Segment.AT_RISK;
    private static final Segment CL = Segment.CANT_LOSE_THEM;
    private static final Segment L = Segment.LOST;

    /** Indexed [R - 1][FM - 1]. */
    private static final Segment[][] GRID = {
        {L, L, AR, AR, CL},
        {H, H, AR, AR, CL},
        {AS, AS, NA, LC, LC},
        {PR, PL, PL, LC, LC},
        {N, PL, PL, C, C},
    };

    private StandardSegmentMapping() {
    }

    /**
     * The segment in the grid.
     *
     * @throws ValidationException naming {@code recency}, {@code frequency} or {@code monetary} outside 1 to 5
     */
    @Override
    public Segment segmentOf(int recency, int frequency, int monetary) {
        check(recency, "recency");
        check(frequency, "frequency");
        check(monetary, "monetary");
        return GRID[recency - 1][(frequency + monetary + 1) / 2 - 1];
    }

    private static void check(int score, String field) {
        if (score < 1 || score > 5) {
            throw ValidationException.of(field, "range", "must be a score from 1 to 5, was " + score);
        }
    }
}
