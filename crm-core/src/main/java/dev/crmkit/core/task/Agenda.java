package dev.crmkit.core.task;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One assignee's open tasks in the buckets people plan by, in the assignee's time zone:
 * <ul>
 *   <li>overdue: due before now;</li>
 *   <li>today: due from now until midnight;</li>
 *   <li>tomorrow: due during tomorrow;</li>
 *   <li>this week: due after tomorrow and before next Monday (empty on Saturdays and Sundays beyond tomorrow).</li>
 * </ul>
 * Each bucket is sorted by due time. Immutable and thread-safe.
 *
 * @param overdue  tasks past due
 * @param today    tasks due later today
 * @param tomorrow tasks due tomorrow
 * @param thisWeek tasks due later this week
 */
public record Agenda(List<Task> overdue, List<Task> today, List<Task> tomorrow, List<Task> thisWeek) {

    /** Copies the lists. */
    public Agenda {
        overdue = List.copyOf(overdue);
        today = List.copyOf(today);
        tomorrow = List.copyOf(tomorrow);
        thisWeek = List.copyOf(thisWeek);
    }

    /** The first instant after the week that contains {@code now} (next Monday, 00:00 in the zone). */
    public static Instant endOfWeek(Instant now, ZoneId zone) {
        LocalDate nextMonday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate dayAfterTomorrow = now.atZone(zone).toLocalDate().plusDays(2);
        LocalDate end = nextMonday.isBefore(dayAfterTomorrow) ? dayAfterTomorrow : nextMonday;
        return end.atStartOfDay(zone).toInstant();
    }

    /**
     * Sorts open tasks into the buckets, earliest due first; tasks due at the same time keep the order given (a
     * store's: the order they were stored), never the order of their ids. Tasks that are closed or due after the
     * end of the week are left out.
     */
    public static Agenda of(List<Task> tasks, Instant now, ZoneId zone) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant tomorrowStart = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant dayAfterStart = today.plusDays(2).atStartOfDay(zone).toInstant();
        Instant weekEnd = endOfWeek(now, zone);
        List<Task> overdue = new ArrayList<>();
        List<Task> todays = new ArrayList<>();
        List<Task> tomorrows = new ArrayList<>();
        List<Task> week = new ArrayList<>();
        tasks.stream().filter(Task::isOpen)
                .sorted(java.util.Comparator.comparing(Task::due))
                .forEach(t -> {
                    Instant due = t.due();
                    if (due.isBefore(now)) {
                        overdue.add(t);
                    } else if (due.isBefore(tomorrowStart)) {
                        todays.add(t);
                    } else if (due.isBefore(dayAfterStart)) {
                        tomorrows.add(t);
                    } else if (due.isBefore(weekEnd)) {
                        week.add(t);
                    }
                });
        return new Agenda(overdue, todays, tomorrows, week);
    }
}
