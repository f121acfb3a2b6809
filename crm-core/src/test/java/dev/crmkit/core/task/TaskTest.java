package dev.crmkit.core.task;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskTest {

    private static final TaskId ID = new TaskId(UUID.fromString("00000000-0000-4000-8000-0000000000e1"));
    private static final UserId ALICE = UserId.of("alice");
    private static final Instant CREATED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Optional<RecordRef> ABOUT =
            Optional.of(new RecordRef(RecordType.LEAD, UUID.fromString("00000000-0000-4000-8000-0000000000d1")));

    private static Task open(Optional<Instant> remindAt) {
        return Task.open(ID, "Call Jane back", DUE, remindAt, ALICE, ABOUT, CREATED);
    }

    private static Task closed(TaskStatus status) {
        return new Task(ID, 2, "Call Jane back", DUE, Optional.empty(), ALICE, ABOUT, status,
                Optional.of(NOW.minusSeconds(60)), CREATED);
    }

    private static void assertRefusedBecauseClosed(TaskChange change, String verb) {
        TaskChange.Refused refused = assertInstanceOf(TaskChange.Refused.class, change);
        assertEquals(ID, refused.taskId());
        assertEquals("open-only", refused.rule());
        assertTrue(refused.reason().contains(verb), refused.reason());
    }

    @Test
    void open_isOpenAtVersionZero() {
        Task t = open(Optional.empty());

        assertTrue(t.isOpen());
        assertEquals(TaskStatus.OPEN, t.status());
        assertEquals(0, t.version());
        assertEquals(Optional.empty(), t.closedAt());
        assertEquals(CREATED, t.createdAt());
    }

    @Test
    void open_trimsTitle() {
        assertEquals("Call Jane back", Task.open(ID, "  Call Jane back ", DUE, Optional.empty(), ALICE, ABOUT, CREATED)
                .title());
    }

    @Test
    void open_refusesBlankTitle() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Task.open(ID, "   ", DUE, Optional.empty(), ALICE, ABOUT, CREATED));

        assertEquals("title", e.violations().get(0).field());
        assertEquals("required", e.violations().get(0).rule());
    }

    @Test
    void open_refusesTitleOverMaxLength() {
        ValidationException e = assertThrows(ValidationException.class, () -> Task.open(ID,
                "x".repeat(Task.MAX_TITLE_LENGTH + 1), DUE, Optional.empty(), ALICE, ABOUT, CREATED));

        assertEquals("max-length", e.violations().get(0).rule());
    }

    @Test
    void open_refusesReminderAfterDue() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> open(Optional.of(DUE.plusSeconds(1))));

        assertEquals("remindAt", e.violations().get(0).field());
        assertEquals("not-after-due", e.violations().get(0).rule());
    }

    @Test
    void open_acceptsReminderAtDue() {
        assertEquals(Optional.of(DUE), open(Optional.of(DUE)).remindAt());
    }

    @Test
    void constructor_closingTimeExactlyWhenClosed() {
        assertThrows(IllegalArgumentException.class, () -> new Task(ID, 0, "t", DUE, Optional.empty(), ALICE,
                ABOUT, TaskStatus.DONE, Optional.empty(), CREATED));
        assertThrows(IllegalArgumentException.class, () -> new Task(ID, 0, "t", DUE, Optional.empty(), ALICE,
                ABOUT, TaskStatus.OPEN, Optional.of(NOW), CREATED));
    }

    @Test
    void complete_openTaskIsDone() {
        Task t = open(Optional.of(DUE.minusSeconds(600)));

        TaskChange.Changed changed = assertInstanceOf(TaskChange.Changed.class, t.complete(NOW));

        assertEquals(TaskStatus.DONE, changed.task().status());
        assertEquals(Optional.of(NOW), changed.task().closedAt());
        assertEquals(t.version(), changed.task().version());
        assertEquals(new TaskEvent.TaskCompleted(ID, ALICE, NOW), changed.event());
        assertTrue(t.isOpen());
    }

    @Test
    void complete_closedTaskIsRefused() {
        assertRefusedBecauseClosed(closed(TaskStatus.DONE).complete(NOW), "completed");
        assertRefusedBecauseClosed(closed(TaskStatus.CANCELLED).complete(NOW), "completed");
    }

    @Test
    void cancel_openTaskIsCancelled() {
        TaskChange.Changed changed = assertInstanceOf(TaskChange.Changed.class, open(Optional.empty()).cancel(NOW));

        assertEquals(TaskStatus.CANCELLED, changed.task().status());
        assertEquals(Optional.of(NOW), changed.task().closedAt());
        assertEquals(new TaskEvent.TaskCancelled(ID, ALICE, NOW), changed.event());
    }

    @Test
    void cancel_closedTaskIsRefused() {
        assertRefusedBecauseClosed(closed(TaskStatus.DONE).cancel(NOW), "cancelled");
        assertRefusedBecauseClosed(closed(TaskStatus.CANCELLED).cancel(NOW), "cancelled");
    }

    @Test
    void reschedule_openTaskMovesDue() {
        Instant newDue = DUE.plus(Duration.ofDays(2));

        TaskChange.Changed changed = assertInstanceOf(TaskChange.Changed.class,
                open(Optional.empty()).reschedule(newDue, NOW));

        assertEquals(newDue, changed.task().due());
        assertEquals(Optional.empty(), changed.task().remindAt());
        assertTrue(changed.task().isOpen());
        assertEquals(new TaskEvent.TaskRescheduled(ID, ALICE, DUE, newDue, NOW), changed.event());
    }

    @Test
    void reschedule_reminderMovesWithDue() {
        Task t = open(Optional.of(DUE.minus(Duration.ofMinutes(30))));
        Instant later = DUE.plus(Duration.ofDays(1)).plus(Duration.ofHours(4));
        Instant earlier = DUE.minus(Duration.ofHours(20));

        Task movedLater = assertInstanceOf(TaskChange.Changed.class, t.reschedule(later, NOW)).task();
        Task movedEarlier = assertInstanceOf(TaskChange.Changed.class, t.reschedule(earlier, NOW)).task();

        assertEquals(Optional.of(later.minus(Duration.ofMinutes(30))), movedLater.remindAt());
        assertEquals(Optional.of(earlier.minus(Duration.ofMinutes(30))), movedEarlier.remindAt());
    }

    @Test
    void reschedule_closedTaskIsRefused() {
        assertRefusedBecauseClosed(closed(TaskStatus.DONE).reschedule(DUE.plusSeconds(3600), NOW), "rescheduled");
        assertRefusedBecauseClosed(closed(TaskStatus.CANCELLED).reschedule(DUE.plusSeconds(3600), NOW), "rescheduled");
    }

    @Test
    void reschedule_refusesNullDue() {
        assertThrows(NullPointerException.class, () -> open(Optional.empty()).reschedule(null, NOW));
    }

    @Test
    void atVersion_keepsEverythingElse() {
        Task t = open(Optional.empty());

        assertEquals(t, t.atVersion(5).atVersion(0));
        assertThrows(IllegalArgumentException.class, () -> t.atVersion(-1));
    }
}
