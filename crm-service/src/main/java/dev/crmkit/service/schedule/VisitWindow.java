package dev.crmkit.service.schedule;

import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;

/**
 * The days around a due date within which a visit counts as on time: {@code daysBefore} before it, {@code daysAfter}
 * after it. A plan is overdue only once the day is past the window's end. Immutable and thread-safe.
 *
 * @param daysBefore days before the due date a visit may be made, at least 0
 * @param daysAfter  days after the due date before the plan is overdue, at least 0
 */
public record VisitWindow(int daysBefore, int daysAfter) {

    /** The window of the due day alone. */
    public static final VisitWindow DUE_DAY = new VisitWindow(0, 0);

    /**
     * Checks the window.
     *
     * @throws ValidationException if a side is negative
     */
    public VisitWindow {
        if (daysBefore < 0) {
            throw ValidationException.of("window.daysBefore", "min", "must be greater than or equal to 0");
        }
        if (daysAfter < 0) {
            throw ValidationException.of("window.daysAfter", "min", "must be greater than or equal to 0");
        }
    }

    /** The first day of the window around a due date. */
    public LocalDate opens(LocalDate due) {
        return due.minusDays(daysBefore);
    }

    /** The last day of the window around a due date. */
    public LocalDate closes(LocalDate due) {
        return due.plusDays(daysAfter);
    }
}
