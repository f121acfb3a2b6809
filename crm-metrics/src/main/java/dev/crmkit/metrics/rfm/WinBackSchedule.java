package dev.crmkit.metrics.rfm;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.OrderBook;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The win-back schedule: a first offer {@code firstOffer} after the last purchase, then one every {@code interval},
 * until the customer counts as lost {@code lostAfter} after the last purchase (no offer on or after that day).
 * The {@linkplain #standard() standard} schedule is 9 months, every 3 months, lost after 3 years: a last purchase on
 * 2024-01-15 gives offers on 2024-10-15, 2025-01-15, 2025-04-15, ... 2026-10-15 (months 9, 12, ..., 33) and lost on
 * 2027-01-15. Each date is {@code lastPurchase.plus(firstOffer + k x interval)}, so month ends do not drift.
 * Immutable and thread-safe.
 *
 * @param firstOffer the time from the last purchase to the first offer; positive
 * @param interval   the time between offers; positive
 * @param lostAfter  the time from the last purchase until the customer counts as lost; longer than {@code firstOffer}
 */
public record WinBackSchedule(Period firstOffer, Period interval, Period lostAfter) {

    private static final LocalDate REFERENCE = LocalDate.of(2001, 1, 1);

    /**
     * Validates the schedule.
     *
     * @throws ValidationException naming {@code firstOffer}, {@code interval} or {@code lostAfter}
     */
    public WinBackSchedule {
        positive(Objects.requireNonNull(firstOffer, "firstOffer"), "firstOffer");
        positive(Objects.requireNonNull(interval, "interval"), "interval");
        positive(Objects.requireNonNull(lostAfter, "lostAfter"), "lostAfter");
        if (!REFERENCE.plus(lostAfter).isAfter(REFERENCE.plus(firstOffer))) {
            throw ValidationException.of("lostAfter", "after-first-offer", "must be longer than the first offer's "
                    + firstOffer + ", was " + lostAfter);
        }
    }

    /** 9 months to the first offer, then every 3 months, lost after 3 years. */
    public static WinBackSchedule standard() {
        return new WinBackSchedule(Period.ofMonths(9), Period.ofMonths(3), Period.ofYears(3));
    }

    private static void positive(Period period, String field) {
        if (period.isNegative() || period.isZero() || period.getDays() < 0 || period.getMonths() < 0
                || period.getYears() < 0) {
            throw ValidationException.of(field, "positive", "must be a positive period, was " + period);
        }
    }

    /** The offer dates after a last purchase, earliest first. */
    public List<LocalDate> offers(LocalDate lastPurchase) {
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        LocalDate lostOn = lostOn(lastPurchase);
        List<LocalDate> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            LocalDate offer = lastPurchase.plus(firstOffer.plus(interval.multipliedBy(k)));
            if (!offer.isBefore(lostOn)) {
                return List.copyOf(out);
            }
            out.add(offer);
        }
    }

    /** The day a customer whose last purchase was on {@code lastPurchase} counts as lost. */
    public LocalDate lostOn(LocalDate lastPurchase) {
        return Objects.requireNonNull(lastPurchase, "lastPurchase").plus(lostAfter);
    }

    /** One customer's plan as of a date. */
    public WinBackPlan plan(String customerId, LocalDate lastPurchase, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<LocalDate> offers = offers(lastPurchase);
        LocalDate lostOn = lostOn(lastPurchase);
        Optional<LocalDate> next = offers.stream().filter(d -> !d.isBefore(asOf)).findFirst();
        return new WinBackPlan(customerId, lastPurchase, offers, lostOn, next, !asOf.isBefore(lostOn));
    }

    /**
     * The plan of every customer with an order on or before {@code asOf} (later orders ignored), in the book's
     * customer order. One pass over the book's columns plus one int per customer.
     */
    public List<WinBackPlan> plans(OrderBook book, LocalDate asOf) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(asOf, "asOf");
        long asOfDay = asOf.toEpochDay();
        int[] last = new int[book.customerCount()];
        Arrays.fill(last, Integer.MIN_VALUE);
        for (int i = 0; i < book.size(); i++) {
            if (book.epochDay(i) <= asOfDay) {
                last[book.customerOf(i)] = Math.max(last[book.customerOf(i)], book.epochDay(i));
            }
        }
        List<WinBackPlan> out = new ArrayList<>();
        for (int c = 0; c < last.length; c++) {
            if (last[c] != Integer.MIN_VALUE) {
                out.add(plan(book.customerId(c), LocalDate.ofEpochDay(last[c]), asOf));
            }
        }
        return out;
    }
}
