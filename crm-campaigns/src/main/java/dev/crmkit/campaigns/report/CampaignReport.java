package dev.crmkit.campaigns.report;

import dev.crmkit.campaigns.tracking.Signal;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.OrderBook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reports per campaign and variant. A message counts as delivered, opened or clicked when a signal of that type
 * refers to its key (a click implies an open and a delivery, an open a delivery, whatever the channel reported). It
 * converted when its recipient ordered on one of the {@code attributionDays} days after the send day (the send day
 * itself excluded); those orders are its revenue. An order counts for every message it follows within the window, so
 * campaigns that touch one customer share the credit in full, as most campaign tools report it. Immutable and
 * thread-safe.
 *
 * @param attributionDays how many days after a message an order still counts for it, 1 to 365
 */
public record CampaignReport(int attributionDays) {

    /**
     * Validates the window.
     *
     * @throws ValidationException naming {@code attributionDays}
     */
    public CampaignReport {
        if (attributionDays < 1 || attributionDays > 365) {
            throw ValidationException.of("attributionDays", "range", "must be from 1 to 365, was "
                    + attributionDays);
        }
    }

    /** The figures per campaign and variant, sorted by campaign then variant. */
    public List<CampaignFigures> figures(Collection<SentMessage> sent, Collection<Signal> signals, OrderBook orders) {
        Map<String, Set<SignalType>> byKey = new HashMap<>();
        for (Signal s : signals) {
            if (!s.messageKey().isEmpty()) {
                byKey.computeIfAbsent(s.messageKey(), k -> EnumSet.noneOf(SignalType.class)).add(s.type());
            }
        }
        Map<String, List<Integer>> ordersOf = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            ordersOf.computeIfAbsent(orders.customerId(orders.customerOf(i)), k -> new ArrayList<>()).add(i);
        }
        TreeMap<String, long[]> counts = new TreeMap<>();
        Map<String, String[]> names = new HashMap<>();
        for (SentMessage m : sent) {
            String group = m.campaign() + "\u0000" + m.variant();
            names.putIfAbsent(group, new String[] {m.campaign(), m.variant()});
            long[] c = counts.computeIfAbsent(group, g -> new long[6]);
            Set<SignalType> seen = byKey.getOrDefault(m.key(), Set.of());
            boolean clicked = seen.contains(SignalType.CLICKED);
            boolean opened = clicked || seen.contains(SignalType.OPENED);
            c[0]++;
            c[1] += opened || seen.contains(SignalType.DELIVERED) ? 1 : 0;
            c[2] += opened ? 1 : 0;
            c[3] += clicked ? 1 : 0;
            long revenue = revenueAfter(orders, ordersOf.getOrDefault(m.contactId(), List.of()), m.sentOn());
            c[4] += revenue >= 0 ? 1 : 0;
            c[5] += Math.max(revenue, 0);
        }
        List<CampaignFigures> out = new ArrayList<>();
        counts.forEach((group, c) -> out.add(new CampaignFigures(names.get(group)[0], names.get(group)[1], c[0], c[1],
                c[2], c[3], c[4], orders.money(c[5]))));
        return out;
    }

    /** The minor units of the orders in the window after the day, or -1 when there is none. */
    private long revenueAfter(OrderBook orders, List<Integer> rows, LocalDate sentOn) {
        long first = sentOn.toEpochDay() + 1;
        long last = sentOn.toEpochDay() + attributionDays;
        long sum = -1;
        for (int i : rows) {
            if (orders.epochDay(i) >= first && orders.epochDay(i) <= last) {
                sum = Math.addExact(Math.max(sum, 0), orders.minorUnits(i));
            }
        }
        return sum;
    }
}
