package dev.crmkit.metrics.rfm;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.CustomerTotals;
import dev.crmkit.metrics.order.OrderBook;

import java.time.LocalDate;
import java.util.Objects;

/**
 * RFM scoring of an order history as of a date. Orders after the as-of date are ignored; customers without an order
 * on or before it are not scored. Per customer: recency = days since the last order (scored on the last order's day,
 * so the most recent scores 5), frequency = number of orders, monetary = their total; each is scored 1-5 by
 * {@link Quintiles} (ties never split) and the scores go through a {@link SegmentMapping}, asked once per distinct
 * (R, F, M) combination (at most 125 times) since its answer depends on the scores alone.
 *
 * <p>One pass over the book's primitive columns, then a linear scoring per measure over c customers (O(c log c) at
 * worst, see {@link Quintiles}); no object per order. Stateless and thread-safe.
 *
 * <p>Example: five customers whose last orders were 1, 10, 30, 90 and 365 days ago score R 5, 4, 3, 2, 1.
 */
public final class Rfm {

    private Rfm() {
    }

    /** Scores with the {@linkplain SegmentMapping#standard() standard} segment mapping. */
    public static RfmTable score(OrderBook book, LocalDate asOf) {
        return score(book, asOf, SegmentMapping.standard());
    }

    /**
     * Scores with the given segment mapping, asked at most once per distinct (R, F, M) (it must be a pure function of
     * them, see {@link SegmentMapping}).
     *
     * @throws ValidationException if the mapping returns no segment (naming {@code segment})
     */
    public static RfmTable score(OrderBook book, LocalDate asOf, SegmentMapping mapping) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(mapping, "mapping");
        return score(CustomerTotals.of(book, asOf), mapping);
    }

    /**
     * Scores from totals already gathered (by the one pass {@link CustomerTotals#of} that the LTV from orders can
     * share), with the given segment mapping, asked at most once per distinct (R, F, M) (it must be a pure function of
     * them, see {@link SegmentMapping}).
     *
     * @throws ValidationException if the mapping returns no segment (naming {@code segment})
     */
    public static RfmTable score(CustomerTotals totals, SegmentMapping mapping) {
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(mapping, "mapping");
        int scored = totals.customers();
        int[] customer = new int[scored];
        int[] lastDay = new int[scored];
        long[] recencyKey = new long[scored];
        long[] frequency = new long[scored];
        long[] monetary = new long[scored];
        for (int c = 0, row = 0; c < totals.slots(); c++) {
            if (totals.count(c) > 0) {
                customer[row] = c;
                lastDay[row] = totals.lastDay(c);
                recencyKey[row] = totals.lastDay(c);
                frequency[row] = totals.count(c);
                monetary[row] = totals.minorUnits(c);
                row++;
            }
        }
        byte[] r = bytes(Quintiles.scores(recencyKey));
        byte[] f = bytes(Quintiles.scores(frequency));
        byte[] m = bytes(Quintiles.scores(monetary));
        Segment[] segment = new Segment[scored];
        Segment[] byScores = new Segment[5 * 5 * 5]; // the mapping is asked once per distinct (R, F, M)
        for (int i = 0; i < scored; i++) {
            int cell = ((r[i] - 1) * 5 + f[i] - 1) * 5 + m[i] - 1;
            if (byScores[cell] == null) {
                byScores[cell] = mapping.segmentOf(r[i], f[i], m[i]);
                if (byScores[cell] == null) {
                    throw ValidationException.of("segment", "required", "the segment mapping gave no segment for R"
                            + r[i] + " F" + f[i] + " M" + m[i]);
                }
            }
            segment[i] = byScores[cell];
        }
        return new RfmTable(totals.book(), totals.asOf(), customer, lastDay, frequency, monetary, r, f, m, segment);
    }

    private static byte[] bytes(int[] scores) {
        byte[] out = new byte[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = (byte) scores[i];
        }
        return out;
    }
}
