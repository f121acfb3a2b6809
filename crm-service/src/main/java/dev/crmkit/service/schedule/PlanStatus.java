package dev.crmkit.service.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A plan's state on a day. Overdue is one state with a count of days, never a list of missed occurrences.
 */
public sealed interface PlanStatus {

    /**
     * The next occurrence is ahead and its reminder has not gone out yet.
     *
     * @param next     the next occurrence
     * @param remindOn the day its reminder goes out
     */
    record Upcoming(Occurrence next, LocalDate remindOn) implements PlanStatus {
        /** Checks both parts are present. */
        public Upcoming {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(remindOn, "remindOn");
        }
    }

    /**
     * The reminder has gone out or the visit window is open, and the window has not closed.
     *
     * @param next the next occurrence
     */
    record Due(Occurrence next) implements PlanStatus {
        /** Checks the occurrence is present. */
        public Due {
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * The visit window of the next occurrence has closed with no completion.
     *
     * @param next the earliest open occurrence
     * @param days how many days past its due date the day is
     */
    record Overdue(Occurrence next, long days) implements PlanStatus {
        /** Checks the occurrence is present and the days positive. */
        public Overdue {
            Objects.requireNonNull(next, "next");
            if (days < 1) {
                throw new IllegalArgumentException("overdue means at least 1 day, was " + days);
            }
        }
    }

    /**
     * The plan has no occurrence left.
     *
     * @param covered how many occurrences its completions covered
     */
    record Ended(int covered) implements PlanStatus {
    }
}
