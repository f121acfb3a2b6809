package dev.crmkit.service.plan;

import dev.crmkit.service.schedule.Anchor;
import dev.crmkit.service.schedule.PlanTerms;
import dev.crmkit.service.schedule.VisitWindow;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The terms of a new plan apart from its installation day and interval: anchor, reminder lead, visit window and end.
 * Immutable and thread-safe.
 *
 * @param anchor       what occurrences are counted from
 * @param reminderLead how long before a due date the reminder goes out
 * @param window       the days around a due date that count as on time
 * @param endDate      the last day an occurrence may fall on, if any
 * @param visits       how many occurrences the plan has, if limited
 */
public record TermsShape(Anchor anchor, Period reminderLead, VisitWindow window, Optional<LocalDate> endDate,
                         OptionalInt visits) {

    /** Completion anchor, no reminder lead, the due day as window, no end. */
    public static final TermsShape DEFAULT = new TermsShape(Anchor.COMPLETION, Period.ZERO, VisitWindow.DUE_DAY,
            Optional.empty(), OptionalInt.empty());

    /** Checks every part is present. */
    public TermsShape {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(reminderLead, "reminderLead");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(visits, "visits");
    }

    /** A copy with another anchor. */
    public TermsShape withAnchor(Anchor value) {
        return new TermsShape(value, reminderLead, window, endDate, visits);
    }

    /** A copy with another reminder lead. */
    public TermsShape withReminderLead(Period value) {
        return new TermsShape(anchor, value, window, endDate, visits);
    }

    /**
     * The full terms for equipment installed on a day, serviced at an interval.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming each broken rule of the terms
     */
    public PlanTerms on(LocalDate installedOn, Period interval) {
        return new PlanTerms(installedOn, interval, anchor, reminderLead, window, endDate, visits);
    }
}
