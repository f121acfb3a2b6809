package dev.crmkit.service.schedule;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The terms of a service plan that decide its schedule: the day the equipment was installed, the interval (days,
 * weeks, months, years as a {@link Period}), the anchor, how long before a due date the customer is reminded, the
 * visit window, and where the plan ends (an end date, a number of visits, both or neither). Start with {@link
 * #every(LocalDate, Period)} and adjust with the {@code with...} methods. Immutable and thread-safe.
 *
 * @param installedOn  the day the equipment was installed; the first occurrence is one interval after it
 * @param interval     the time between occurrences: positive, no negative part ({@code P6M}, {@code P14D}, {@code P1Y})
 * @param anchor       what occurrences are counted from
 * @param reminderLead how long before a due date the reminder goes out: zero or positive
 * @param window       the days around a due date that count as on time
 * @param endDate      the last day an occurrence may fall on, if the plan ends on a date
 * @param visits       how many occurrences the plan has, if it is limited to a number of visits
 */
public record PlanTerms(LocalDate installedOn, Period interval, Anchor anchor, Period reminderLead,
                        VisitWindow window, Optional<LocalDate> endDate, OptionalInt visits) {

    /**
     * Checks the terms, reporting every broken rule at once.
     *
     * @throws ValidationException naming each field and rule broken
     */
    public PlanTerms {
        List<Violation> violations = new ArrayList<>();
        if (installedOn == null) {
            violations.add(new Violation("installedOn", "not-null", "must not be null"));
        }
        if (interval == null) {
            violations.add(new Violation("interval", "not-null", "must not be null"));
        } else if (interval.isZero() || interval.isNegative()) {
            violations.add(new Violation("interval", "positive-period",
                    "must be a positive period with no negative part, was " + interval));
        }
        if (anchor == null) {
            violations.add(new Violation("anchor", "not-null", "must not be null"));
        }
        if (reminderLead == null) {
            violations.add(new Violation("reminderLead", "not-null", "must not be null"));
        } else if (reminderLead.isNegative()) {
            violations.add(new Violation("reminderLead", "non-negative-period",
                    "must be zero or a positive period, was " + reminderLead));
        }
        if (window == null) {
            violations.add(new Violation("window", "not-null", "must not be null"));
        }
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(visits, "visits");
        if (installedOn != null && endDate.isPresent() && endDate.get().isBefore(installedOn)) {
            violations.add(new Violation("endDate", "not-before-installed",
                    "must not be before the installation day " + installedOn + ", was " + endDate.get()));
        }
        if (visits.isPresent() && visits.getAsInt() < 1) {
            violations.add(new Violation("visits", "min", "must be greater than or equal to 1"));
        }
        ValidationException.throwIfAny(violations);
    }

    /** Terms anchored on completion, no reminder lead, the due day as window and no end. */
    public static PlanTerms every(LocalDate installedOn, Period interval) {
        return new PlanTerms(installedOn, interval, Anchor.COMPLETION, Period.ZERO, VisitWindow.DUE_DAY,
                Optional.empty(), OptionalInt.empty());
    }

    /** A copy with another anchor. */
    public PlanTerms withAnchor(Anchor newAnchor) {
        return new PlanTerms(installedOn, interval, newAnchor, reminderLead, window, endDate, visits);
    }

    /** A copy that reminds the customer this long before each due date. */
    public PlanTerms withReminderLead(Period lead) {
        return new PlanTerms(installedOn, interval, anchor, lead, window, endDate, visits);
    }

    /** A copy with another visit window. */
    public PlanTerms withWindow(VisitWindow newWindow) {
        return new PlanTerms(installedOn, interval, anchor, reminderLead, newWindow, endDate, visits);
    }

    /** A copy whose occurrences fall on or before this day. */
    public PlanTerms withEndDate(LocalDate last) {
        return new PlanTerms(installedOn, interval, anchor, reminderLead, window, Optional.of(last), visits);
    }

    /** A copy limited to this many occurrences. */
    public PlanTerms withVisits(int count) {
        return new PlanTerms(installedOn, interval, anchor, reminderLead, window, endDate, OptionalInt.of(count));
    }

    /** Whether an occurrence with this number and date is within the plan's end. */
    boolean includes(int number, LocalDate due) {
        return (visits.isEmpty() || number <= visits.getAsInt()) && (endDate.isEmpty() || !due.isAfter(endDate.get()));
    }
}
