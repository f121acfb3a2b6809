package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.Numbers;
import dev.crmkit.examples.cli.leadimport.CsvRecord;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/**
 * The cells of one record of a metrics file, read with the rules every metrics file shares: numbers through
 * {@link Numbers}, dates and times from {@value #FIRST_YEAR} to {@value #LAST_YEAR}. Each failure is an
 * {@link IllegalArgumentException} naming the file, the line and the column, with the value quoted by
 * {@link BadValue}.
 */
public final class CsvCells {

    /** The first year a date of a metrics file may be in. */
    static final int FIRST_YEAR = 1900;
    /** The last year a date of a metrics file may be in. */
    static final int LAST_YEAR = 2199;

    private static final LocalDate FIRST = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate LAST = LocalDate.of(LAST_YEAR, 12, 31);

    private final Path file;
    private final CsvRecord record;

    /** The cells of a record of the file. */
    public CsvCells(Path file, CsvRecord record) {
        this.file = file;
        this.record = record;
    }

    /** {@code FILE line N, column NAME: } */
    public String where(String column) {
        return file + " line " + record.line() + ", column " + column + ": ";
    }

    /** The stripped text of a cell. */
    public String text(int index) {
        return record.cell(index).strip();
    }

    /** The stripped text of a cell that must not be empty. */
    public String required(int index, String column) {
        String value = text(index);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(where(column) + "is empty");
        }
        return value;
    }

    /** An amount of money, exact, negative only when allowed. */
    Money money(int index, String column, Currency currency, boolean negativeAllowed) {
        try {
            return Numbers.money(text(index), currency, negativeAllowed);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(where(column) + e.getMessage());
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    long whole(int index, String column, long min, long max) {
        try {
            return Numbers.whole(text(index), min, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(column) + e.getMessage());
        }
    }

    /** The calendar date of an ISO date, date-time, or date-time with offset. */
    LocalDate date(int index, String column) {
        String value = text(index);
        try {
            LocalDate date;
            if (value.length() == 10) {
                date = LocalDate.parse(value);
            } else if (hasOffset(value)) {
                date = OffsetDateTime.parse(value).toLocalDate();
            } else {
                date = LocalDateTime.parse(value).toLocalDate();
            }
            return inRange(date, value, column);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where(column) + BadValue.quote(value)
                    + " is not an ISO date or date-time");
        }
    }

    /** The instant of an ISO instant or date-time with offset; a date-time or date without offset is in the zone. */
    Instant instant(int index, String column, ZoneId zone) {
        String value = text(index);
        try {
            if (value.length() == 10) {
                return inRange(LocalDate.parse(value), value, column).atStartOfDay(zone).toInstant();
            }
            if (hasOffset(value)) {
                OffsetDateTime time = OffsetDateTime.parse(value);
                inRange(time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate(), value, column);
                return time.toInstant();
            }
            LocalDateTime time = LocalDateTime.parse(value);
            inRange(time.toLocalDate(), value, column);
            return time.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where(column) + BadValue.quote(value) + " is not an ISO date-time");
        }
    }

    private LocalDate inRange(LocalDate date, String value, String column) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new IllegalArgumentException(where(column) + BadValue.quote(value) + " is out of range: dates are "
                    + "from " + FIRST + " to " + LAST);
        }
        return date;
    }

    private static boolean hasOffset(String value) {
        return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$");
    }
}
