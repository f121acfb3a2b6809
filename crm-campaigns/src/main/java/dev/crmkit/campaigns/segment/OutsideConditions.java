package dev.crmkit.campaigns.segment;

import dev.crmkit.campaigns.trigger.YearlyTrigger;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.rfm.CustomerRfm;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The conditions no store evaluates in its database: the birthday (a day of the year that wraps around the year's end
 * and moves 29 February) and the order conditions (the orders are the host's, {@link OrderSource}). One evaluation,
 * used by {@link ContactFilter#matches} and by {@link SegmentPushdown} over the rows a database returned. Stateless and
 * thread-safe.
 */
final class OutsideConditions {

    private OutsideConditions() {
    }

    /** Whether the filter is one of these conditions (not a combinator). */
    static boolean isOutside(ContactFilter f) {
        return f instanceof ContactFilter.RfmSegmentIn || f instanceof ContactFilter.OrderedWithin
                || f instanceof ContactFilter.NoOrderFor || f instanceof ContactFilter.NeverOrdered
                || f instanceof ContactFilter.BirthdayFrom || f instanceof ContactFilter.BirthdayWithin;
    }

    /** Whether the condition reads the contact's orders. */
    static boolean readsOrders(ContactFilter f) {
        return isOutside(f) && !(f instanceof ContactFilter.BirthdayFrom || f instanceof ContactFilter.BirthdayWithin);
    }

    /**
     * Whether the contact with this birthday and these orders meets the condition.
     *
     * @throws ValidationException naming {@code filter} (rule {@code order-source}) when an order condition finds no
     *                             orders facts
     */
    static boolean test(ContactFilter condition, Optional<LocalDate> birthday, Optional<ContactFacts.Orders> orders) {
        if (condition instanceof ContactFilter.BirthdayFrom f) {
            return birthday.filter(b -> celebratedWithin(b, f.day(), f.days())).isPresent();
        } else if (condition instanceof ContactFilter.BirthdayWithin f) {
            throw new IllegalArgumentException("the condition birthday-within(" + f.days() + ") needs the day it is"
                    + " evaluated on: call ContactFilter.asOf(filter, day) first");
        }
        Optional<CustomerRfm> rfm = orders.orElseThrow(() -> noOrders(condition)).rfm();
        if (condition instanceof ContactFilter.RfmSegmentIn f) {
            return rfm.filter(r -> f.segments().contains(r.segment())).isPresent();
        } else if (condition instanceof ContactFilter.OrderedWithin f) {
            return rfm.filter(r -> r.recencyDays() <= f.days()).isPresent();
        } else if (condition instanceof ContactFilter.NoOrderFor f) {
            return rfm.filter(r -> r.recencyDays() >= f.days()).isPresent();
        } else if (condition instanceof ContactFilter.NeverOrdered) {
            return rfm.isEmpty();
        }
        throw new IllegalArgumentException("not a condition checked outside the database: " + condition);
    }

    /** The refusal of an order condition without orders: it names the condition. */
    static ValidationException noOrders(ContactFilter condition) {
        return ValidationException.of("filter", "order-source", "the condition " + ContactFilterText.write(condition)
                + " reads the contact's orders: count the segment with an order source (OrderSource) and an as-of"
                + " day");
    }

    /** Whether the birthday is celebrated on {@code from} or within {@code days} days after it. */
    static boolean celebratedWithin(LocalDate birthday, LocalDate from, int days) {
        LocalDate next = YearlyTrigger.celebratedIn(birthday, from.getYear());
        if (next.isBefore(from)) {
            next = YearlyTrigger.celebratedIn(birthday, from.getYear() + 1);
        }
        return !next.isAfter(from.plusDays(days));
    }

    static void notNegative(int days) {
        if (days < 0) {
            throw ValidationException.of("days", "not-negative", "must be 0 or more, was " + days);
        }
    }

    static void birthdayDays(int days) {
        notNegative(days);
        if (days > 366) {
            throw ValidationException.of("days", "range", "must be at most 366, was " + days);
        }
    }
}
