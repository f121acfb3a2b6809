package dev.crmkit.metrics.cohort;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Objects;
import java.util.function.LongToIntFunction;

/**
 * The length of a cohort period: a calendar month, or an ISO week (Monday to Sunday). Periods are numbered so that
 * consecutive periods have consecutive indexes: months as {@code year x 12 + month - 1}, weeks as the number of weeks
 * since the Monday 1969-12-29 (floor division, so days before it get negative weeks). A period is itself the numbering
 * ({@link #applyAsInt}) to give {@link dev.crmkit.metrics.order.PeriodCells#of} or
 * {@link dev.crmkit.metrics.order.OrderPass#of}: cells gathered so are known to be numbered by it, and
 * {@link Cohorts#of(dev.crmkit.metrics.order.PeriodCells, CohortPeriod, java.util.Currency)} accepts only those.
 */
public enum CohortPeriod implements LongToIntFunction {

    /** Calendar months, labelled {@code 2024-03}. */
    MONTH,
    /** ISO weeks starting Monday, labelled {@code 2024-W10} (ISO week-based year). */
    WEEK;

    /** The index of the period holding an epoch day, computed without creating objects. */
    public int indexOf(long epochDay) {
        if (this == WEEK) {
            return Math.toIntExact(Math.floorDiv(epochDay + 3, 7));
        }
        // civil-from-days (H. Hinnant): the proleptic Gregorian year and month of an epoch day
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return Math.toIntExact(year * 12 + month - 1);
    }

    /** The same as {@link #indexOf(long)}: the period as a numbering of epoch days. */
    @Override
    public int applyAsInt(long epochDay) {
        return indexOf(epochDay);
    }

    /** The index of the period holding a date. */
    public int indexOf(LocalDate date) {
        return indexOf(Objects.requireNonNull(date, "date").toEpochDay());
    }

    /** The first day of the period with an index. */
    public LocalDate start(int index) {
        if (this == WEEK) {
            return LocalDate.ofEpochDay(index * 7L - 3);
        }
        return LocalDate.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
    }

    /** Whether a date is the first day of its period (the 1st of a month, a Monday). */
    public boolean isStart(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return this == WEEK ? date.getDayOfWeek() == DayOfWeek.MONDAY : date.getDayOfMonth() == 1;
    }

    /** The period's label: {@code 2024-03} for a month, {@code 2024-W10} for a week. */
    public String label(LocalDate start) {
        Objects.requireNonNull(start, "start");
        if (this == WEEK) {
            return String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        return String.format("%d-%02d", start.getYear(), start.getMonthValue());
    }
}
