package dev.crmkit.kit.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the times and dates of a source file: a {@link DateTimeFormatter} pattern or {@code ISO}; a time written
 * without an offset is in the mapping's zone, a date alone is the start of that day there.
 */
final class TimeText {

    /** The pattern name of ISO-8601 text, with or without an offset or a time. */
    static final String ISO = "ISO";

    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final ZoneId zone;

    TimeText(FileMapping file) {
        this.dateTime = formatter(file.dateTime(), DateTimeFormatter.ISO_DATE_TIME);
        this.date = formatter(file.date(), DateTimeFormatter.ISO_LOCAL_DATE);
        this.zone = file.zone();
    }

    private static DateTimeFormatter formatter(String pattern, DateTimeFormatter iso) {
        return pattern.equals(ISO) ? iso : DateTimeFormatter.ofPattern(pattern);
    }

    /** The instant the text names. */
    Instant instant(String text) throws DateTimeParseException {
        DateTimeParseException first;
        try {
            TemporalAccessor t = dateTime.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            if (t instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (t instanceof LocalDateTime l) {
                return l.atZone(zone).toInstant();
            }
            return ((LocalDate) t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            first = e;
        }
        try { // a date alone where a time may be given (a due day)
            return LocalDate.parse(text, date).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw first;
        }
    }

    /** The date the text names. */
    LocalDate date(String text) throws DateTimeParseException {
        return LocalDate.parse(text, date);
    }
}
