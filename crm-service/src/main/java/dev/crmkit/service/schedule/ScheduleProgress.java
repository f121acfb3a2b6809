package dev.crmkit.service.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a plan stands after its completions: the occurrences covered (in order, numbered 1, 2, ... without a gap),
 * the next occurrence still open and the day its reminder goes out. Both are empty once the plan has ended (its end
 * date or number of visits reached). Immutable and thread-safe.
 *
 * @param covered  the covered occurrences, in order
 * @param next     the earliest occurrence no completion covers, unless the plan has ended
 * @param remindOn the day the reminder of {@code next} goes out
 */
public record ScheduleProgress(List<Covered> covered, Optional<Occurrence> next, Optional<LocalDate> remindOn) {

    /** Copies the list. */
    public ScheduleProgress {
        covered = List.copyOf(covered);
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(remindOn, "remindOn");
    }

    /** The next due date, unless the plan has ended. */
    public Optional<LocalDate> nextDue() {
        return next.map(Occurrence::due);
    }

    /** Whether the plan has no occurrence left. */
    public boolean ended() {
        return next.isEmpty();
    }
}
