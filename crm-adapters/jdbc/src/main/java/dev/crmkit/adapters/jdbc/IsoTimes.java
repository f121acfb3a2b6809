package dev.crmkit.adapters.jdbc;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as the text {@link Instant#toString} writes ({@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z}: the fraction
 * in groups of three digits, as many as it needs), written digit by digit: {@code Instant.toString} goes through a
 * {@code DateTimeFormatter}, a large part of the time of a bulk chunk's COPY text and of its outbox events' JSON.
 * Years 1 to 9999; other years take {@code Instant.toString} itself. Stateless.
 */
final class IsoTimes {

    /** The first second of year 1 and the first of year 10000. */
    static final long FIRST = -62_135_596_800L;
    static final long BEYOND = 253_402_300_800L;

    private IsoTimes() {
    }

    /** Appends what {@link Instant#toString} writes for the instant. */
    static void append(StringBuilder out, Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST || seconds >= BEYOND) {
            out.append(t);
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        int year = date.getYear();
        digits(out, year, 1000);
        out.append('-');
        digits(out, date.getMonthValue(), 10);
        out.append('-');
        digits(out, date.getDayOfMonth(), 10);
        out.append('T');
        digits(out, secondOfDay / 3600, 10);
        out.append(':');
        digits(out, secondOfDay / 60 % 60, 10);
        out.append(':');
        digits(out, secondOfDay % 60, 10);
        int nanos = t.getNano();
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 100);
            } else if (nanos % 1000 == 0) {
                digits(out, nanos / 1000, 100_000);
            } else {
                digits(out, nanos, 100_000_000);
            }
        }
        out.append('Z');
    }

    /** A number below {@code 10 * scale}, zero-padded to the digits of {@code scale}. */
    private static void digits(StringBuilder out, int value, int scale) {
        for (; scale > 0; scale /= 10) {
            out.append((char) ('0' + value / scale % 10));
        }
    }
}
