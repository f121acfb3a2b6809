package dev.crmkit.service.schedule;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The schedule of one plan's terms: which occurrences there are, which the completions cover, what is due next and
 * the plan's state on a day. Occurrences are computed, never stored.
 *
 * <p>The rules. Schedule anchor: occurrence k is due on installed + k x interval, computed from the installation day
 * each time (never by adding the interval to the previous date), so month ends clamp without drifting: installed on
 * 31 August every six months gives 28 (or 29) February, then 31 August. Completions are taken in date order; each
 * covers the earliest open occurrence, even when it is early, and a late one also covers every still open occurrence
 * due on or before its day (one visit catches up, missed occurrences do not pile up). Completion anchor: the first
 * occurrence is installed + interval, each next one the previous completion + interval, and each completion covers
 * the open occurrence. Both: the next due date is the earliest occurrence no completion covers; an end date or a
 * number of visits ends the plan; completions after the end cover nothing. Immutable and thread-safe.
 */
public final class ServiceSchedule {

    private final PlanTerms terms;

    private ServiceSchedule(PlanTerms terms) {
        this.terms = terms;
    }

    /** The schedule of these terms. */
    public static ServiceSchedule of(PlanTerms terms) {
        return new ServiceSchedule(Objects.requireNonNull(terms, "terms"));
    }

    /** The terms. */
    public PlanTerms terms() {
        return terms;
    }

    /**
     * Occurrence {@code number} of the schedule anchor, installed + number x interval, unless the plan ends before.
     *
     * @throws IllegalArgumentException if the number is below 1
     */
    public Optional<Occurrence> scheduled(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("an occurrence's number starts at 1, was " + number);
        }
        LocalDate due = terms.installedOn().plus(terms.interval().multipliedBy(number));
        return terms.includes(number, due) ? Optional.of(new Occurrence(number, due)) : Optional.empty();
    }

    /**
     * Where the plan stands after these completions (in any order; the same day twice is two completions).
     *
     * @throws ValidationException if a completion is missing or before the installation day
     */
    public ScheduleProgress progress(List<LocalDate> completions) {
        List<LocalDate> sorted = checked(completions);
        List<Covered> covered = new ArrayList<>();
        Optional<Occurrence> next = terms.anchor() == Anchor.SCHEDULE
                ? coverScheduled(sorted, covered) : coverChained(sorted, covered);
        return new ScheduleProgress(covered, next, next.map(o -> o.due().minus(terms.reminderLead())));
    }

    /**
     * The plan's state on {@code day} after these completions.
     *
     * @throws ValidationException if a completion is missing or before the installation day
     */
    public PlanStatus status(List<LocalDate> completions, LocalDate day) {
        Objects.requireNonNull(day, "day");
        ScheduleProgress progress = progress(completions);
        if (progress.next().isEmpty()) {
            return new PlanStatus.Ended(progress.covered().size());
        }
        Occurrence next = progress.next().get();
        LocalDate remindOn = progress.remindOn().orElseThrow();
        if (day.isAfter(terms.window().closes(next.due()))) {
            return new PlanStatus.Overdue(next, ChronoUnit.DAYS.between(next.due(), day));
        }
        if (day.isBefore(remindOn) && day.isBefore(terms.window().opens(next.due()))) {
            return new PlanStatus.Upcoming(next, remindOn);
        }
        return new PlanStatus.Due(next);
    }

    private Optional<Occurrence> coverScheduled(List<LocalDate> sorted, List<Covered> covered) {
        int number = 1;
        Optional<Occurrence> open = scheduled(number);
        for (LocalDate completion : sorted) {
            if (open.isEmpty()) {
                break;
            }
            do {
                covered.add(new Covered(open.get(), completion));
                open = scheduled(++number);
            } while (open.isPresent() && !open.get().due().isAfter(completion));
        }
        return open;
    }

    private Optional<Occurrence> coverChained(List<LocalDate> sorted, List<Covered> covered) {
        LocalDate from = terms.installedOn();
        int number = 1;
        Optional<Occurrence> open = chained(number, from);
        for (LocalDate completion : sorted) {
            if (open.isEmpty()) {
                break;
            }
            covered.add(new Covered(open.get(), completion));
            from = completion;
            open = chained(++number, from);
        }
        return open;
    }

    private Optional<Occurrence> chained(int number, LocalDate from) {
        LocalDate due = from.plus(terms.interval());
        return terms.includes(number, due) ? Optional.of(new Occurrence(number, due)) : Optional.empty();
    }

    private List<LocalDate> checked(List<LocalDate> completions) {
        Objects.requireNonNull(completions, "completions");
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < completions.size(); i++) {
            LocalDate day = completions.get(i);
            if (day == null) {
                violations.add(new Violation("completed[" + i + "]", "not-null", "must not be null"));
            } else if (day.isBefore(terms.installedOn())) {
                violations.add(new Violation("completed[" + i + "]", "not-before-installed",
                        "must not be before the installation day " + terms.installedOn() + ", was " + day));
            }
        }
        ValidationException.throwIfAny(violations);
        return completions.stream().sorted().toList();
    }
}
