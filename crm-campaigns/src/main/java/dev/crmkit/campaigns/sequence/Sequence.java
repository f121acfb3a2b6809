package dev.crmkit.campaigns.sequence;

import dev.crmkit.campaigns.tracking.Signal;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A nurture sequence: steps a contact is walked through over time, and goals that end the enrollment as soon as the
 * contact shows one of them (a reply, a booked meeting, a purchase), optionally handing the contact to sales then.
 * Branches only jump forward, so a sequence always ends. {@link #advance} is a pure function of the enrollment, the
 * time and the signals. Immutable and thread-safe.
 *
 * <p>Lifecycle of an enrollment: {@code ACTIVE} from {@link #enroll} until the last step ({@code COMPLETED}), a
 * {@link SequenceStep.HandToSales} step ({@code HANDED_TO_SALES}), a goal ({@code GOAL_REACHED}) or a condition that
 * does not hold ({@code EXITED}); an ended enrollment never acts again.
 *
 * @param name            the sequence's name, lower-case letters, digits and dashes
 * @param steps           the steps, at least one
 * @param goals           the signals that end the enrollment
 * @param handToSalesOnGoal whether reaching a goal hands the contact to sales
 * @param reEntry         whether a contact may walk the sequence again ({@link Enrollments#enroll} checks it)
 */
public record Sequence(String name, List<SequenceStep> steps, Set<SignalType> goals, boolean handToSalesOnGoal,
        ReEntry reEntry) {

    /** A sequence a contact walks once ({@link ReEntry#never()}). */
    public Sequence(String name, List<SequenceStep> steps, Set<SignalType> goals, boolean handToSalesOnGoal) {
        this(name, steps, goals, handToSalesOnGoal, ReEntry.never());
    }

    /**
     * Validates the sequence, listing every problem.
     *
     * @throws ValidationException naming {@code name} or {@code steps} (a branch target out of range or backwards)
     */
    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reEntry, "reEntry");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        goals = Objects.requireNonNull(goals, "goals").isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(goals));
        List<Violation> violations = new ArrayList<>();
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            violations.add(new Violation("name", "format", "must be lower-case letters, digits and dashes, was '"
                    + name + "'"));
        }
        if (steps.isEmpty()) {
            violations.add(new Violation("steps", "required", "a sequence needs at least one step"));
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof SequenceStep.Branch b) {
                for (int target : new int[] {b.ifSeen(), b.otherwise()}) {
                    if (target <= i || target >= steps.size()) {
                        violations.add(new Violation("steps", "forward-branch", "step " + i + " branches to step "
                                + target + "; a branch goes to a later step, from " + (i + 1) + " to "
                                + (steps.size() - 1)));
                    }
                }
            }
        }
        ValidationException.throwIfAny(violations);
    }

    /** A copy with the re-entry rule. */
    public Sequence withReEntry(ReEntry rule) {
        return new Sequence(name, steps, goals, handToSalesOnGoal, rule);
    }

    /** A new enrollment of the contact, its first step due at {@code at}, without looking at earlier ones. */
    public Enrollment enroll(String contactId, Instant at) {
        return new Enrollment(contactId, name, at, 0, at, EnrollmentStatus.ACTIVE, "");
    }

    /**
     * Enrolls the contact at {@code at} unless the {@linkplain #reEntry re-entry rule} refuses, given its earlier
     * enrollments in this sequence (others are ignored).
     */
    public Enrolling enroll(String contactId, Instant at, Collection<Enrollment> earlier) {
        List<Enrollment> mine = earlier.stream()
                .filter(e -> e.contactId().equals(contactId) && e.sequence().equals(name)).toList();
        return reEntry.refusal(mine, at).<Enrolling>map(r -> new Enrolling.Refused(contactId, name, r))
                .orElseGet(() -> new Enrolling.Enrolled(enroll(contactId, at)));
    }

    /**
     * Walks an active enrollment through every step due by {@code now}, given the contact's signals (others' are
     * ignored): first the goals, then the steps.
     */
    public Progress advance(Enrollment enrollment, Instant now, Collection<Signal> signals) {
        Objects.requireNonNull(now, "now");
        if (!enrollment.sequence().equals(name)) {
            throw new IllegalArgumentException("the enrollment is in " + enrollment.sequence() + ", not " + name);
        }
        if (enrollment.status() != EnrollmentStatus.ACTIVE) {
            return new Progress(enrollment, List.of(), List.of());
        }
        List<SequenceAction> actions = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Optional<Signal> goal = seen(enrollment, now, signals, goals);
        if (goal.isPresent()) {
            String reason = "goal reached: " + goal.get().type().name().toLowerCase(java.util.Locale.ROOT);
            if (handToSalesOnGoal) {
                actions.add(new SequenceAction.Handover(enrollment.contactId(), reason));
                keys.add(enrollment.stepKey(enrollment.step()) + "/goal");
            }
            return new Progress(enrollment.ended(EnrollmentStatus.GOAL_REACHED, reason), actions, keys);
        }
        int i = enrollment.step();
        Instant due = enrollment.nextAt();
        while (i < steps.size() && !due.isAfter(now)) {
            SequenceStep step = steps.get(i);
            if (step instanceof SequenceStep.Send s) {
                actions.add(new SequenceAction.SendMessage(enrollment.contactId(), s.template(), s.kind(),
                        enrollment.stepKey(i)));
                keys.add(enrollment.stepKey(i));
                i++;
            } else if (step instanceof SequenceStep.Wait w) {
                due = due.plus(Duration.ofDays(w.days()));
                i++;
            } else if (step instanceof SequenceStep.Condition c) {
                if (seen(enrollment, now, signals, Set.of(c.signal())).isEmpty()) {
                    return new Progress(enrollment.ended(EnrollmentStatus.EXITED, "condition not met: "
                            + c.signal().name().toLowerCase(java.util.Locale.ROOT)), actions, keys);
                }
                i++;
            } else if (step instanceof SequenceStep.Branch b) {
                i = seen(enrollment, now, signals, Set.of(b.signal())).isPresent() ? b.ifSeen() : b.otherwise();
            } else if (step instanceof SequenceStep.CreateTask t) {
                actions.add(new SequenceAction.TaskForOwner(enrollment.contactId(), t.title(),
                        due.plus(Duration.ofDays(t.dueInDays()))));
                keys.add(enrollment.stepKey(i));
                i++;
            } else if (step instanceof SequenceStep.ChangeField f) {
                actions.add(new SequenceAction.FieldChange(enrollment.contactId(), f.field(), f.value()));
                keys.add(enrollment.stepKey(i));
                i++;
            } else if (step instanceof SequenceStep.HandToSales h) {
                actions.add(new SequenceAction.Handover(enrollment.contactId(), h.note()));
                keys.add(enrollment.stepKey(i));
                return new Progress(enrollment.ended(EnrollmentStatus.HANDED_TO_SALES, h.note()), actions, keys);
            }
        }
        Enrollment next = i >= steps.size() ? enrollment.at(i, due).ended(EnrollmentStatus.COMPLETED, "all steps done")
                : enrollment.at(i, due);
        return new Progress(next, actions, keys);
    }

    private static Optional<Signal> seen(Enrollment e, Instant now, Collection<Signal> signals,
            Set<SignalType> types) {
        return signals.stream().filter(s -> s.contactId().equals(e.contactId()) && types.contains(s.type())
                && !s.at().isBefore(e.enrolledAt()) && !s.at().isAfter(now)).findFirst();
    }

    /**
     * The enrollment after an advance and what to do.
     *
     * @param enrollment the enrollment as it is now
     * @param actions    the actions the advance asks for, in step order
     * @param keys       the idempotency key of each action, at the same index: {@link Enrollment#stepKey} of the step
     *                   it comes from ({@code /goal} appended for the hand-over a goal asks for), so an advance that
     *                   is repeated from the same state (after a crash) names its actions alike
     */
    public record Progress(Enrollment enrollment, List<SequenceAction> actions, List<String> keys) {
        /**
         * Copies the lists.
         *
         * @throws IllegalArgumentException if there is not one key per action
         */
        public Progress {
            Objects.requireNonNull(enrollment, "enrollment");
            actions = List.copyOf(actions);
            keys = List.copyOf(keys);
            if (keys.size() != actions.size()) {
                throw new IllegalArgumentException("one key per action: " + actions.size() + " actions, "
                        + keys.size() + " keys");
            }
        }
    }
}
