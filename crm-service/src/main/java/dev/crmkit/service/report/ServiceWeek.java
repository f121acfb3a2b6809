package dev.crmkit.service.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The service of one week (Monday to Sunday): what falls due in it, and what is overdue on its Monday. Immutable and
 * thread-safe.
 *
 * @param monday  the week's first day
 * @param due     the plans whose next due date is in the week (and not already overdue), by due date
 * @param overdue the plans overdue on the Monday (their visit window closed), most overdue first
 */
public record ServiceWeek(LocalDate monday, List<DueItem> due, List<DueItem> overdue) {

    /** Copies the lists. */
    public ServiceWeek {
        Objects.requireNonNull(monday, "monday");
        due = List.copyOf(due);
        overdue = List.copyOf(overdue);
    }
}
