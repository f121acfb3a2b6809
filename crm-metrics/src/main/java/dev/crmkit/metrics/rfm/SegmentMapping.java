package dev.crmkit.metrics.rfm;

/**
 * Decides a customer's {@link Segment} from its recency, frequency and monetary scores (each 1 to 5). Replace
 * {@link #standard()} with an own implementation to segment differently.
 */
@FunctionalInterface
public interface SegmentMapping {

    /** The segment of a customer with these scores, each from 1 to 5. */
    Segment segmentOf(int recency, int frequency, int monetary);

    /** The common published R / FM grid, see {@link StandardSegmentMapping}. */
    static SegmentMapping standard() {
        return StandardSegmentMapping.INSTANCE;
    }
}
