package dev.crmkit.campaigns.segment;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.rfm.CustomerRfm;
import dev.crmkit.metrics.rfm.Rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved, dynamic segment: a name and a filter, evaluated afresh on the contacts and orders of the day asked about,
 * so members come and go as time passes. Members are counted and listed by page in contact id order, the cursor being
 * the last id of a page. Immutable and thread-safe.
 *
 * @param name   the segment's name, not blank
 * @param filter its filter
 * @deprecated use {@link SegmentDefinition} (stored in {@link SavedSegments}) with a {@link ContactFilter}, counted
 *             and paged by {@link ContactSegments} over the store's contacts and the host's {@link OrderSource}
 *             (see {@link SegmentFilter} for the conditions); kept working for hosts that filter CSV recipients.
 */
@Deprecated(since = "stop 26")
@SuppressWarnings("deprecation")
public record SavedSegment(String name, SegmentFilter filter) {

    /**
     * Validates the parts.
     *
     * @throws ValidationException naming {@code name} when blank
     */
    public SavedSegment {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw ValidationException.of("name", "required", "a segment needs a name");
        }
        Objects.requireNonNull(filter, "filter");
    }

    /** How many of the contacts are members as of the day, judged on their orders on or before it. */
    public long count(Collection<Recipient> contacts, OrderBook orders, LocalDate asOf) {
        Map<String, CustomerRfm> rfm = rfm(orders, asOf);
        return contacts.stream().filter(r -> member(r, rfm, asOf)).count();
    }

    /** One page of the members, in contact id order. */
    public Page<Recipient> page(Collection<Recipient> contacts, OrderBook orders, LocalDate asOf,
            PageRequest request) {
        Map<String, CustomerRfm> rfm = rfm(orders, asOf);
        List<Recipient> sorted = new ArrayList<>(contacts);
        sorted.sort(Comparator.comparing(Recipient::id));
        List<Recipient> items = new ArrayList<>(request.size());
        for (Recipient r : sorted) {
            if (request.after().map(after -> r.id().compareTo(after) <= 0).orElse(false) || !member(r, rfm, asOf)) {
                continue;
            }
            if (items.size() == request.size()) {
                return new Page<>(items, Optional.of(items.get(items.size() - 1).id()));
            }
            items.add(r);
        }
        return Page.last(items);
    }

    private boolean member(Recipient r, Map<String, CustomerRfm> rfm, LocalDate asOf) {
        return filter.matches(new SegmentRow(r, Optional.ofNullable(rfm.get(r.id())), asOf));
    }

    private static Map<String, CustomerRfm> rfm(OrderBook orders, LocalDate asOf) {
        Map<String, CustomerRfm> out = new HashMap<>();
        if (orders.size() > 0) {
            for (CustomerRfm c : Rfm.score(orders, asOf).customers()) {
                out.put(c.customerId(), c);
            }
        }
        return out;
    }
}
