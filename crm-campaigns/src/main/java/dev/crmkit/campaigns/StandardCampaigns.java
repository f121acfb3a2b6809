package dev.crmkit.campaigns;

import dev.crmkit.campaigns.audience.ConsentRule;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.trigger.WinBackTrigger;
import dev.crmkit.campaigns.trigger.YearlyTrigger;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.rfm.WinBackPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in marketing campaigns: the {@value #BIRTHDAY} offer (a {@link YearlyTrigger}) and the
 * {@value #WIN_BACK} steps (a {@link WinBackTrigger} over crm-metrics' schedule). Given the recipients and their orders
 * it lists the messages whose send day is a given day of each recipient's calendar, leaving out everyone whose consent
 * does not allow marketing ({@link ConsentRule}). Immutable and thread-safe.
 */
public final class StandardCampaigns {

    /** The birthday campaign's name. */
    public static final String BIRTHDAY = "birthday";
    /** The win-back campaign's name. */
    public static final String WIN_BACK = "win-back";

    private final YearlyTrigger birthday;
    private final WinBackTrigger winBack;

    /** The campaigns with these triggers. */
    public StandardCampaigns(YearlyTrigger birthday, WinBackTrigger winBack) {
        this.birthday = Objects.requireNonNull(birthday, "birthday");
        this.winBack = Objects.requireNonNull(winBack, "winBack");
    }

    /** The birthday offer 7 days ahead, valid a week; win-back at 9, 12, 15, ... months, lost after 3 years. */
    public static StandardCampaigns standard() {
        return new StandardCampaigns(YearlyTrigger.birthday(), WinBackTrigger.standard());
    }

    /**
     * The messages due on {@code day} (the same date on every recipient's calendar), recipients in the given order,
     * birthday before win-back. Orders after {@code day} are ignored; a recipient's orders are those whose customer id
     * is the recipient's id.
     */
    public List<DueMessage> dueOn(Collection<Recipient> recipients, OrderBook orders, LocalDate day) {
        Objects.requireNonNull(day, "day");
        Map<String, LocalDate> lastPurchase = lastPurchases(orders, day);
        List<DueMessage> out = new ArrayList<>();
        for (Recipient r : recipients) {
            out.addAll(dueOn(r, Optional.ofNullable(lastPurchase.get(r.id())), day));
        }
        return out;
    }

    /**
     * The messages due on any day from {@code from} to {@code to}, both included: what a scheduler that missed days
     * schedules to catch up (the ledger keeps each key once, and a claim on {@code to} skips the expired ones).
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to} or the range is longer than 366 days
     */
    public List<DueMessage> dueBetween(Collection<Recipient> recipients, OrderBook orders, LocalDate from,
            LocalDate to) {
        if (from.isAfter(to) || from.plusDays(366).isBefore(to)) {
            throw new IllegalArgumentException("the catch-up range must run forward over at most 366 days, was "
                    + from + " to " + to);
        }
        List<DueMessage> out = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            out.addAll(dueOn(recipients, orders, day));
        }
        return out;
    }

    /**
     * The messages due at {@code now}: for each recipient, those due on the day it is in the recipient's time zone.
     * Orders after that day are ignored.
     */
    public List<DueMessage> dueAt(Collection<Recipient> recipients, OrderBook orders, Instant now) {
        Objects.requireNonNull(now, "now");
        Map<LocalDate, Map<String, LocalDate>> lastByDay = new HashMap<>();
        List<DueMessage> out = new ArrayList<>();
        for (Recipient r : recipients) {
            LocalDate day = now.atZone(r.zone()).toLocalDate();
            Map<String, LocalDate> last = lastByDay.computeIfAbsent(day, d -> lastPurchases(orders, d));
            out.addAll(dueOn(r, Optional.ofNullable(last.get(r.id())), day));
        }
        return out;
    }

    /**
     * The messages due for one recipient on a day of its calendar, given its latest purchase on or before that day.
     */
    public List<DueMessage> dueOn(Recipient recipient, Optional<LocalDate> lastPurchase, LocalDate day) {
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        if (!ConsentRule.check(recipient, MessageKind.MARKETING).permitted()) {
            return List.of();
        }
        List<DueMessage> out = new ArrayList<>(2);
        recipient.birthday().flatMap(b -> birthday.dueOn(b, day)).ifPresent(o -> out.add(new DueMessage(
                recipient.id(), BIRTHDAY, 1, Integer.toString(o.year()), o.sendOn(), o.validUntil(),
                MessageKind.MARKETING)));
        lastPurchase.flatMap(p -> winBack.dueOn(p, day)).ifPresent(s -> out.add(new DueMessage(recipient.id(),
                WIN_BACK, s.step(), s.lastPurchase().toString(), s.sendOn(), s.validUntil(), MessageKind.MARKETING)));
        return out;
    }

    /**
     * Whether a due message is still to be sent on {@code day} given the recipient's latest purchase on or before that
     * day: not expired, and, for a win-back step, no order since the purchase it counts from.
     */
    public boolean stillDue(DueMessage message, Optional<LocalDate> lastPurchase, LocalDate day) {
        if (!message.sendableOn(day)) {
            return false;
        }
        return !WIN_BACK.equals(message.campaign())
                || lastPurchase.map(p -> p.toString().equals(message.occurrence())).orElse(false);
    }

    private Map<String, LocalDate> lastPurchases(OrderBook orders, LocalDate day) {
        Map<String, LocalDate> out = new HashMap<>();
        for (WinBackPlan plan : winBack.schedule().plans(Objects.requireNonNull(orders, "orders"), day)) {
            out.put(plan.customerId(), plan.lastPurchase());
        }
        return out;
    }
}
