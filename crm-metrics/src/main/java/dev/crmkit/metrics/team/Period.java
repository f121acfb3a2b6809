package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period a sales target is set for: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year
 * ({@code 2026}), from its first day to its last, both included. {@link #toString()} writes the form
 * {@link #parse(String)} reads. Immutable and thread-safe.
 */
public final class Period implements Comparable<Period> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");

    /** The kinds of period. */
    public enum Kind {
        /** A calendar month. */
        MONTH,
        /** A calendar quarter: January to March is Q1. */
        QUARTER,
        /** A calendar year. */
        YEAR
    }

    private final Kind kind;
    private final LocalDate start;
    private final LocalDate end;
    private final String text;

    private Period(Kind kind, LocalDate start, LocalDate end, String text) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.text = text;
    }

    /**
     * Reads {@code 2026-11}, {@code 2026-Q4} or {@code 2026}.
     *
     * @throws ValidationException naming {@code period} with the rule {@code format} for any other text
     */
    public static Period parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw bad(value);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw bad(value);
            }
            return month(YearMonth.of(year, month));
        }
        if (m.group(3) != null) {
            return quarter(year, Integer.parseInt(m.group(3)));
        }
        return year(Year.of(year));
    }

    /** The calendar month. */
    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.atDay(1), month.atEndOfMonth(), month.toString());
    }

    /**
     * The quarter of a year, 1 to 4.
     *
     * @throws ValidationException naming {@code quarter} outside 1 to 4
     */
    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw ValidationException.of("quarter", "range", "must be from 1 to 4, was " + quarter);
        }
        YearMonth first = YearMonth.of(year, 3 * quarter - 2);
        return new Period(Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth(), year + "-Q" + quarter);
    }

    /** The calendar year. */
    public static Period year(Year year) {
        return new Period(Kind.YEAR, year.atDay(1), year.atMonth(12).atEndOfMonth(), year.toString());
    }

    private static ValidationException bad(String value) {
        return ValidationException.of("period", "format", "must be a month (2026-11), a quarter (2026-Q4) or a "
                + "year (2026), was \"" + value + "\"");
    }

    /** Month, quarter or year. */
    public Kind kind() {
        return kind;
    }

    /** The first day. */
    public LocalDate start() {
        return start;
    }

    /** The last day, included. */
    public LocalDate end() {
        return end;
    }

    /** Whether the day falls in the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** How many days the period has. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /**
     * How many of its days have begun by the end of {@code asOf}: none before the period, all after it, and within it
     * the days up to and including {@code asOf}.
     */
    public long elapsedDays(LocalDate asOf) {
        if (asOf.isBefore(start)) {
            return 0;
        }
        if (asOf.isAfter(end)) {
            return days();
        }
        return ChronoUnit.DAYS.between(start, asOf) + 1;
    }

    /** Orders by first day, then shorter periods first. */
    @Override
    public int compareTo(Period other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end.compareTo(other.end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period p && kind == p.kind && start.equals(p.start);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, start);
    }

    /** {@code 2026-11}, {@code 2026-Q4} or {@code 2026}. */
    @Override
    public String toString() {
        return text;
    }
}
