package dev.crmkit.campaigns.sequence;

import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.sequence.SequenceAction.FieldChange;
import dev.crmkit.campaigns.sequence.SequenceAction.Handover;
import dev.crmkit.campaigns.sequence.SequenceAction.SendMessage;
import dev.crmkit.campaigns.sequence.SequenceAction.TaskForOwner;
import dev.crmkit.campaigns.tracking.Signal;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SequenceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** Intro; after 3 days a click hands over, else a reminder; 4 days later an open marks the lead qualified. */
    static final Sequence NURTURE = new Sequence("nurture", List.of(
            new SequenceStep.Send("nurture-intro", MessageKind.MARKETING),
            new SequenceStep.Wait(3),
            new SequenceStep.Branch(SignalType.CLICKED, 3, 5),
            new SequenceStep.CreateTask("Call: clicked the intro", 1),
            new SequenceStep.HandToSales("clicked the intro"),
            new SequenceStep.Send("nurture-reminder", MessageKind.MARKETING),
            new SequenceStep.Wait(4),
            new SequenceStep.Condition(SignalType.OPENED),
            new SequenceStep.ChangeField("lifecycle_stage", "marketing qualified")),
            Set.of(SignalType.REPLIED, SignalType.MEETING_BOOKED), true);

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private static Signal signal(SignalType type, Instant at) {
        return new Signal("lead-1", type, at, "");
    }

    @Test
    void advance_noClick_sendsTheReminderAndAnOpenQualifiesTheLead() {
        Enrollment e = NURTURE.enroll("lead-1", T0);

        Sequence.Progress first = NURTURE.advance(e, T0, List.of());
        assertEquals(List.of(new SendMessage("lead-1", "nurture-intro", MessageKind.MARKETING, e.stepKey(0))),
                first.actions());
        assertEquals(day(3), first.enrollment().nextAt());
        assertEquals(List.of(), NURTURE.advance(first.enrollment(), day(2), List.of()).actions());

        Sequence.Progress reminder = NURTURE.advance(first.enrollment(), day(3), List.of());
        assertEquals(List.of(new SendMessage("lead-1", "nurture-reminder", MessageKind.MARKETING, e.stepKey(5))),
                reminder.actions());

        Sequence.Progress done = NURTURE.advance(reminder.enrollment(), day(7),
                List.of(signal(SignalType.OPENED, day(5))));
        assertEquals(List.of(new FieldChange("lead-1", "lifecycle_stage", "marketing qualified")), done.actions());
        assertEquals(EnrollmentStatus.COMPLETED, done.enrollment().status());
        assertEquals(List.of(), NURTURE.advance(done.enrollment(), day(30), List.of()).actions());
    }

    @Test
    void advance_click_createsATaskAndHandsToSales() {
        Enrollment e = NURTURE.advance(NURTURE.enroll("lead-1", T0), T0, List.of()).enrollment();

        Sequence.Progress p = NURTURE.advance(e, day(3), List.of(signal(SignalType.CLICKED, day(2))));

        assertEquals(List.of(new TaskForOwner("lead-1", "Call: clicked the intro", day(4)),
                new Handover("lead-1", "clicked the intro")), p.actions());
        assertEquals(EnrollmentStatus.HANDED_TO_SALES, p.enrollment().status());
    }

    @Test
    void advance_reply_endsTheEnrollmentBeforeAnyFurtherStepAndHandsToSales() {
        Enrollment e = NURTURE.advance(NURTURE.enroll("lead-1", T0), T0, List.of()).enrollment();

        Sequence.Progress p = NURTURE.advance(e, day(3), List.of(signal(SignalType.CLICKED, day(1)),
                signal(SignalType.REPLIED, day(2))));

        assertEquals(List.of(new Handover("lead-1", "goal reached: replied")), p.actions());
        assertEquals(EnrollmentStatus.GOAL_REACHED, p.enrollment().status());
        assertEquals(List.of(), NURTURE.advance(p.enrollment(), day(9), List.of()).actions());
    }

    @Test
    void advance_noOpen_exitsAtTheCondition() {
        Enrollment e = NURTURE.advance(NURTURE.advance(NURTURE.enroll("lead-1", T0), T0, List.of()).enrollment(),
                day(3), List.of()).enrollment();

        Sequence.Progress p = NURTURE.advance(e, day(7), List.of());

        assertEquals(EnrollmentStatus.EXITED, p.enrollment().status());
        assertEquals("condition not met: opened", p.enrollment().endReason());
        assertEquals(List.of(), p.actions());
    }

    @Test
    void advance_signalsBeforeEnrollmentOrOfOthers_doNotCount() {
        Enrollment e = NURTURE.advance(NURTURE.enroll("lead-1", T0), T0, List.of()).enrollment();

        Sequence.Progress p = NURTURE.advance(e, day(3), List.of(signal(SignalType.REPLIED, T0.minusSeconds(1)),
                new Signal("lead-2", SignalType.REPLIED, day(1), ""), signal(SignalType.CLICKED, day(4))));

        assertEquals(EnrollmentStatus.ACTIVE, p.enrollment().status());
        assertEquals("nurture-reminder", ((SendMessage) p.actions().get(0)).template());
    }

    @Test
    void advance_late_catchesUpEveryDueStepWithStableKeys() {
        Enrollment e = NURTURE.enroll("lead-1", T0);

        Sequence.Progress once = NURTURE.advance(e, day(8), List.of(signal(SignalType.OPENED, day(1))));

        assertEquals(List.of(new SendMessage("lead-1", "nurture-intro", MessageKind.MARKETING, e.stepKey(0)),
                new SendMessage("lead-1", "nurture-reminder", MessageKind.MARKETING, e.stepKey(5)),
                new FieldChange("lead-1", "lifecycle_stage", "marketing qualified")), once.actions());
        assertEquals(once, NURTURE.advance(e, day(8), List.of(signal(SignalType.OPENED, day(1)))));
    }

    @Test
    void sequence_backwardBranch_isRefusedNamingTheStep() {
        ValidationException ex = assertThrows(ValidationException.class, () -> new Sequence("loop", List.of(
                new SequenceStep.Wait(1), new SequenceStep.Branch(SignalType.OPENED, 0, 1)), Set.of(), false));

        assertEquals(2, ex.violations().size());
        assertEquals("forward-branch", ex.violations().get(0).rule());
        assertEquals("steps", ex.violations().get(0).field());
    }
}
