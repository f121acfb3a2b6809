package dev.crmkit.campaigns.cap;

import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.core.kernel.ValidationException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Objects;

/**
 * How many marketing messages one contact may get per calendar day, per week (Monday to Sunday) and per calendar month,
 * counted on the contact's own calendar. Transactional messages are exempt: they neither need room nor take any.
 * Immutable and thread-safe.
 *
 * @param perDay   the most marketing messages on one day, 1 or more
 * @param perWeek  the most in one week, 1 or more
 * @param perMonth the most in one month, 1 or more
 */
public record FrequencyCaps(int perDay, int perWeek, int perMonth) {

    /**
     * Validates the caps.
     *
     * @throws ValidationException naming {@code perDay}, {@code perWeek} or {@code perMonth}
     */
    public FrequencyCaps {
        positive(perDay, "perDay");
        positive(perWeek, "perWeek");
        positive(perMonth, "perMonth");
    }

    /** One marketing message a day, 3 a week, 8 a month. */
    public static FrequencyCaps standard() {
        return new FrequencyCaps(1, 3, 8);
    }

    private static void positive(int cap, String field) {
        if (cap < 1) {
            throw ValidationException.of(field, "positive", "must be 1 or more, was " + cap);
        }
    }

    /**
     * Whether one more message of the kind fits on {@code day}, given the days of the marketing messages the contact
     * already got (on any day, before or after {@code day}).
     */
    public CapCheck check(Collection<LocalDate> marketingSent, LocalDate day, MessageKind kind) {
        Objects.requireNonNull(marketingSent, "marketingSent");
        Objects.requireNonNull(day, "day");
        if (Objects.requireNonNull(kind, "kind") == MessageKind.TRANSACTIONAL) {
            return new CapCheck.Admitted();
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int sameDay = 0;
        int sameWeek = 0;
        int sameMonth = 0;
        for (LocalDate sent : marketingSent) {
            sameDay += sent.equals(day) ? 1 : 0;
            sameWeek += !sent.isBefore(monday) && sent.isBefore(monday.plusDays(7)) ? 1 : 0;
            sameMonth += sent.getYear() == day.getYear() && sent.getMonth() == day.getMonth() ? 1 : 0;
        }
        if (sameDay >= perDay) {
            return new CapCheck.CapReached(CapWindow.DAY, perDay);
        }
        if (sameWeek >= perWeek) {
            return new CapCheck.CapReached(CapWindow.WEEK, perWeek);
        }
        if (sameMonth >= perMonth) {
            return new CapCheck.CapReached(CapWindow.MONTH, perMonth);
        }
        return new CapCheck.Admitted();
    }
}
