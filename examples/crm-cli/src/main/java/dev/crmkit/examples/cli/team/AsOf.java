package dev.crmkit.examples.cli.team;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The moment figures are as of, from {@code --as-of}: an ISO date (as of the end of that day in the zone) or an ISO
 * instant (as of that instant, on its day in the zone). Immutable.
 *
 * @param day     the calendar day, for pro-rating
 * @param instant the instant, for what is overdue by then
 */
record AsOf(LocalDate day, Instant instant) {

    /** The end of a day in the zone. */
    static AsOf endOf(LocalDate day, ZoneId zone) {
        return new AsOf(day, day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Reads {@code 2026-11-30} or {@code 2026-11-30T12:00:00Z}.
     *
     * @throws IllegalArgumentException naming {@code --as-of} for any other text
     */
    static AsOf parse(String text, ZoneId zone) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return endOf(LocalDate.parse(value), zone);
            }
            Instant instant = Instant.parse(value);
            return new AsOf(instant.atZone(zone).toLocalDate(), instant);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be an ISO date (2026-11-30) or instant "
                    + "(2026-11-30T12:00:00Z), got " + value);
        }
    }
}
