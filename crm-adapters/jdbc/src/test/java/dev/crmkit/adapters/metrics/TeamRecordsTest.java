package dev.crmkit.adapters.metrics;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.metrics.team.ActivityKind;
import dev.crmkit.metrics.team.ActivityRecord;
import dev.crmkit.metrics.team.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TeamRecordsTest {

    private static final Instant DUE = Instant.parse("2026-11-10T17:00:00Z");

    private static Task task(TaskStatus status, Optional<Instant> closed) {
        return new Task(new TaskId(new UUID(0, 1)), 1, "call back", DUE, Optional.empty(), UserId.of("ann"),
                Optional.empty(), status, closed, DUE.minusSeconds(86_400));
    }

    private static Activity entry(ActivityType type, Direction direction, Optional<UserId> owner) {
        return new Activity(new ActivityId(new UUID(0, 2)), type, "x", "", direction, DUE, List.of(),
                Set.of(new RecordRef(RecordType.LEAD, new UUID(0, 3))), owner, Visibility.PUBLIC, DUE);
    }

    @Test
    void task_doneByDue_isDone_doneLate_isOverdue_atTheirClosingTime() {
        assertEquals(Optional.of(ActivityRecord.task("ann", DUE, Outcome.DONE)),
                TeamRecords.task(task(TaskStatus.DONE, Optional.of(DUE)), DUE));
        assertEquals(Optional.of(ActivityRecord.task("ann", DUE.plusSeconds(1), Outcome.OVERDUE)),
                TeamRecords.task(task(TaskStatus.DONE, Optional.of(DUE.plusSeconds(1))), DUE));
    }

    @Test
    void task_openPastDueAsOf_isOverdueAtItsDueTime_notYetDue_orCancelled_countsNowhere() {
        assertEquals(Optional.of(ActivityRecord.task("ann", DUE, Outcome.OVERDUE)),
                TeamRecords.task(task(TaskStatus.OPEN, Optional.empty()), DUE.plusSeconds(1)));
        assertEquals(Optional.empty(), TeamRecords.task(task(TaskStatus.OPEN, Optional.empty()), DUE));
        assertEquals(Optional.empty(), TeamRecords.task(task(TaskStatus.CANCELLED, Optional.of(DUE)),
                DUE.plusSeconds(86_400)));
    }

    @Test
    void activity_callsEmailsMeetingsWithAnOwner_count_othersDoNot() {
        ActivityRecord call = TeamRecords.activity(entry(ActivityType.CALL, Direction.INBOUND,
                Optional.of(UserId.of("ann")))).orElseThrow();

        assertEquals(ActivityKind.CALL, call.kind());
        assertEquals(Optional.of(dev.crmkit.metrics.team.Direction.IN), call.direction());
        assertEquals(Optional.empty(), call.outcome());
        assertEquals(Optional.empty(), TeamRecords.activity(entry(ActivityType.CALL, Direction.OUTBOUND,
                Optional.empty())));
        assertEquals(Optional.empty(), TeamRecords.activity(entry(ActivityType.NOTE, Direction.INTERNAL,
                Optional.of(UserId.of("ann")))));
        assertEquals(Optional.empty(), TeamRecords.activity(entry(ActivityType.MEETING, Direction.INTERNAL,
                Optional.of(UserId.of("ann")))).orElseThrow().direction());
    }

    @Test
    void activity_callOutcomeAndTalkTime_areTheEntrys_meetingsKeepNone_cancelledMeetingsCountNowhere() {
        Optional<UserId> ann = Optional.of(UserId.of("ann"));
        Activity call = entry(ActivityType.CALL, Direction.OUTBOUND, ann);

        ActivityRecord answered = TeamRecords.activity(call.withOutcome(ActivityOutcome.ANSWERED)
                .withDuration(Duration.ofSeconds(95))).orElseThrow();
        ActivityRecord missed = TeamRecords.activity(call.withOutcome(ActivityOutcome.MISSED)).orElseThrow();
        ActivityRecord held = TeamRecords.activity(entry(ActivityType.MEETING, Direction.OUTBOUND, ann)
                .withOutcome(ActivityOutcome.HELD).withDuration(Duration.ofMinutes(30))).orElseThrow();

        assertEquals(Optional.of(Outcome.ANSWERED), answered.outcome());
        assertEquals(Optional.of(Duration.ofSeconds(95)), answered.duration());
        assertEquals(Optional.of(Outcome.MISSED), missed.outcome());
        assertEquals(Optional.empty(), missed.duration());
        assertEquals(ActivityKind.MEETING, held.kind());
        assertEquals(Optional.empty(), held.duration());
        assertEquals(Optional.empty(), held.outcome());
        assertEquals(Optional.empty(), TeamRecords.activity(entry(ActivityType.MEETING, Direction.OUTBOUND, ann)
                .withOutcome(ActivityOutcome.CANCELLED)));
    }
}
