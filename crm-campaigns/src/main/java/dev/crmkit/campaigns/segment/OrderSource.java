package dev.crmkit.campaigns.segment;

import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.rfm.CustomerRfm;
import dev.crmkit.metrics.rfm.Rfm;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The host's orders, which segments with order conditions ({@link ContactFilter.RfmSegmentIn},
 * {@link ContactFilter.OrderedWithin}, {@link ContactFilter.NoOrderFor}, {@link ContactFilter.NeverOrdered}) read:
 * crmkit's stores keep no orders, the ERP or shop around them does. An order's customer id is the contact id's text
 * (a lower-case UUID, as {@code ContactId.value().toString()}), as in {@code crm rfm}'s orders file. Given to
 * {@code StoreContactSegments} or {@code JdbcContactSegments}; without one, a segment with an order condition is
 * refused naming the condition. Implementations are thread-safe.
 */
@FunctionalInterface
public interface OrderSource {

    /**
     * Every order on or before the day (later ones may be included: they are ignored). Read once per count or page:
     * an RFM segment ranks a customer among every customer, so it needs them all.
     */
    OrderBook orders(LocalDate asOf);

    /**
     * Every customer's RFM values, scores and segment as of the day, by customer id (crm-metrics' {@link Rfm} with the
     * standard mapping); customers without an order on or before the day are absent. A host with its own RFM table
     * may override this.
     */
    default Map<String, CustomerRfm> rfm(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        OrderBook book = Objects.requireNonNull(orders(asOf), "orders");
        Map<String, CustomerRfm> out = new HashMap<>();
        if (book.size() > 0) {
            for (CustomerRfm c : Rfm.score(book, asOf).customers()) {
                out.put(c.customerId(), c);
            }
        }
        return out;
    }

    /** The orders of a book the host already holds (the CLI's {@code --orders} file). */
    static OrderSource of(OrderBook book) {
        Objects.requireNonNull(book, "book");
        return asOf -> book;
    }
}
