package dev.crmkit.metrics.rfm;

/**
 * Decides a customer's {@link Segment} from its recency, frequency and monetary scores (each 1 to 5). Replace
 * {@link #standard()} with an own implementation to segment differently.
 *
 * <p>Contract: an implementation is a pure function of (R, F, M): the same three scores always give the same segment,
 * and the answer depends on nothing else (not on the customer, the call count or the order of calls). {@link Rfm#score}
 * relies on it: it asks the mapping at most once per distinct (R, F, M) in one computation (so at most 125 times,
 * whatever the number of customers), in no particular order, and gives every customer with those scores that one
 * answer. A mapping that counts, samples or otherwise keeps state per call therefore sees one call per combination,
 * not one per customer.
 */
@FunctionalInterface
public interface SegmentMapping {

    /**
     * The segment of a customer with these scores, each from 1 to 5; the same for the same scores (see the contract
     * above). Never {@code null}: {@link Rfm#score} refuses a missing segment.
     */
    Segment segmentOf(int recency, int frequency, int monetary);

    /** The common published R / FM grid, see {@link StandardSegmentMapping}. */
    static SegmentMapping standard() {
        return StandardSegmentMapping.INSTANCE;
    }
}
