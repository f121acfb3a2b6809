package dev.crmkit.campaigns.trigger;

import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import java.util.Optional;

/**
 * A trigger anchored on a day of the year (a birthday, an anniversary) that repeats every year: the message is sent
 * {@code leadDays} before the year's celebration day and is valid for {@code validDays} from the send day, so the
 * {@linkplain #birthday() birthday offer} goes out 7 days before the birthday and is valid until the birthday itself.
 * A date of 29 February is celebrated on 28 February in years that have no 29 February. Every day here is a day of the
 * contact's own calendar (its time zone), so the offer never arrives a day early for a contact east or west of the
 * sender. Immutable and thread-safe.
 *
 * @param leadDays  how many days before the celebration the message is sent, 0 to 180
 * @param validDays how many days after the send day the message stays valid, 0 to 180
 */
public record YearlyTrigger(int leadDays, int validDays) {

    /** The longest lead or validity, well below a year, so that one send day belongs to one celebration. */
    public static final int MAX_DAYS = 180;

    /**
     * Validates the days.
     *
     * @throws ValidationException naming {@code leadDays} or {@code validDays}
     */
    public YearlyTrigger {
        if (leadDays < 0 || leadDays > MAX_DAYS) {
            throw ValidationException.of("leadDays", "range", "must be from 0 to " + MAX_DAYS + ", was " + leadDays);
        }
        if (validDays < 0 || validDays > MAX_DAYS) {
            throw ValidationException.of("validDays", "range", "must be from 0 to " + MAX_DAYS + ", was "
                    + validDays);
        }
    }

    /** The birthday offer: sent 7 days before the birthday, valid a week (until the birthday). */
    public static YearlyTrigger birthday() {
        return new YearlyTrigger(7, 7);
    }

    /** The day an anchor date (a birth date, a first purchase) is celebrated in a year: 29 February on 28 in others. */
    public static LocalDate celebratedIn(LocalDate anchor, int year) {
        return MonthDay.from(Objects.requireNonNull(anchor, "anchor")).atYear(year);
    }

    /** The occurrence of the celebration in {@code year}. */
    public YearlyOccurrence occurrenceIn(LocalDate anchor, int year) {
        LocalDate celebrated = celebratedIn(anchor, year);
        LocalDate sendOn = celebrated.minusDays(leadDays);
        return new YearlyOccurrence(year, celebrated, sendOn, sendOn.plusDays(validDays));
    }

    /**
     * The occurrence whose send day is {@code day} (a day of the contact's calendar), if any; none before the anchor
     * date's own year is over (nobody gets a birthday offer for the day they were born).
     */
    public Optional<YearlyOccurrence> dueOn(LocalDate anchor, LocalDate day) {
        Objects.requireNonNull(day, "day");
        for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
            if (year <= anchor.getYear()) {
                continue;
            }
            YearlyOccurrence occurrence = occurrenceIn(anchor, year);
            if (occurrence.sendOn().equals(day)) {
                return Optional.of(occurrence);
            }
        }
        return Optional.empty();
    }
}
