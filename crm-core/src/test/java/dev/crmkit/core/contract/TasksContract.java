package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.Tasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static dev.crmkit.core.contract.Fixtures.ALICE;
import static dev.crmkit.core.contract.Fixtures.BOB;
import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.cancelled;
import static dev.crmkit.core.contract.Fixtures.completed;
import static dev.crmkit.core.contract.Fixtures.rescheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract every {@link Tasks} store passes: optimistic versions, exact read-back, and the open-task queries by
 * assignee and by record, earliest due first, which forget a task once it is closed. Extend it with a class that
 * returns a fresh, empty store.
 */
public abstract class TasksContract {

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    private Tasks tasks;
    private Fixtures fx;

    @BeforeEach
    void createStore() {
        tasks = newStore().tasks();
        fx = new Fixtures();
    }

    @Test
    void insert_newTask_storesAtVersion1AndReturnsStoredCopy() {
        Task candidate = fx.task().build();

        Task stored = tasks.insert(candidate);

        assertEquals(candidate.atVersion(1), stored);
        assertEquals(Optional.of(stored), tasks.findById(candidate.id()));
    }

    @Test
    void insert_versionNotZero_throwsAndWritesNothing() {
        Task candidate = fx.task().build().atVersion(1);

        assertThrows(IllegalArgumentException.class, () -> tasks.insert(candidate));
        assertEquals(Optional.empty(), tasks.findById(candidate.id()));
        assertEquals(List.of(), tasks.openDueBefore(ALICE, at(1_000_000), 10));
    }

    @Test
    void insert_idTaken_throwsAndWritesNothing() {
        Task existing = tasks.insert(fx.task().build());
        Task sameId = fx.task().id(existing.id()).assignee(BOB).title("other").build();

        assertThrows(IllegalArgumentException.class, () -> tasks.insert(sameId));
        assertEquals(Optional.of(existing), tasks.findById(existing.id()));
        assertEquals(List.of(), tasks.openDueBefore(BOB, at(1_000_000), 10));
    }

    @Test
    void findById_unknown_isEmpty() {
        tasks.insert(fx.task().build());

        assertEquals(Optional.empty(), tasks.findById(new TaskId(fx.nextId())));
    }

    @Test
    void readBack_everyField_equalsWhatWasStored() {
        Task full = fx.task().title(Fixtures.TRICKY_TEXT).due(at(7200)).remindAt(at(3600)).assignee(BOB)
                .about(fx.ref(RecordType.DEAL)).createdAt(at(-60)).build();

        tasks.insert(full);
        Task done = tasks.update(completed(full.atVersion(1), at(100)));

        assertEquals(completed(full, at(100)).atVersion(2), done);
        assertEquals(Optional.of(done), tasks.findById(full.id()));
    }

    @Test
    void update_changedTask_bumpsVersionAndReadsBack() {
        Task stored = tasks.insert(fx.task().build());

        Task moved = tasks.update(rescheduled(stored, at(9000)));
        Task done = tasks.update(completed(moved, at(9500)));

        assertEquals(2, moved.version());
        assertEquals(3, done.version());
        assertEquals(completed(rescheduled(stored, at(9000)), at(9500)).atVersion(3), done);
        assertEquals(Optional.of(done), tasks.findById(stored.id()));
    }

    @Test
    void update_staleVersion_throwsAndChangesNothing() {
        Task v1 = tasks.insert(fx.task().due(at(100)).build());
        Task v2 = tasks.update(rescheduled(v1, at(200)));

        assertThrows(StaleVersionException.class, () -> tasks.update(completed(v1, at(150))));

        assertEquals(Optional.of(v2), tasks.findById(v1.id()));
        assertEquals(List.of(v2), tasks.openDueBefore(ALICE, at(1000), 10));
    }

    @Test
    void update_unknownId_throwsNoSuchElement() {
        Task never = fx.task().build().atVersion(1);

        assertThrows(NoSuchElementException.class, () -> tasks.update(never));
        assertEquals(Optional.empty(), tasks.findById(never.id()));
    }

    @Test
    void openDueBefore_mixedTasks_onlyOpenOnesOfAssigneeDueStrictlyBeforeEarliestFirst() {
        Task due10 = tasks.insert(fx.task().due(at(10)).build());
        Task due30 = tasks.insert(fx.task().due(at(30)).build());
        Task due20 = tasks.insert(fx.task().due(at(20)).build());
        tasks.insert(fx.task().due(at(50)).build());
        tasks.insert(fx.task().due(at(51)).build());
        tasks.insert(fx.task().due(at(5)).assignee(BOB).build());
        Task closed = tasks.insert(fx.task().due(at(15)).build());
        tasks.update(completed(closed, at(16)));

        assertEquals(List.of(due10, due20, due30), tasks.openDueBefore(ALICE, at(50), 10));
        assertEquals(List.of(due10, due20), tasks.openDueBefore(ALICE, at(30), 10), "due exactly then is excluded");
        assertEquals(List.of(), tasks.openDueBefore(ALICE, at(10), 10));
        assertEquals(List.of(), tasks.openDueBefore(UserId.of("carol"), at(1000), 10));
    }

    @Test
    void openDueBefore_limit_returnsTheEarliestOnly() {
        List<Task> stored = insertShuffled(12, i -> fx.task().due(at(100 + i)).build());

        assertEquals(stored.subList(0, 5), tasks.openDueBefore(ALICE, at(1000), 5));
        assertEquals(stored.subList(0, 1), tasks.openDueBefore(ALICE, at(1000), 1));
        assertEquals(stored, tasks.openDueBefore(ALICE, at(1000), 100));
    }

    @Test
    void openDueBefore_sameDueTime_ordersById() {
        List<Task> stored = insertShuffled(8, i -> fx.task().due(at(100)).build());

        assertEquals(stored, tasks.openDueBefore(ALICE, at(101), 100));
    }

    @Test
    void openDueBefore_closedTask_isRemoved() {
        Task done = tasks.insert(fx.task().due(at(10)).build());
        Task dropped = tasks.insert(fx.task().due(at(20)).build());
        Task open = tasks.insert(fx.task().due(at(30)).build());

        tasks.update(completed(done, at(11)));
        tasks.update(cancelled(dropped, at(12)));

        assertEquals(List.of(open), tasks.openDueBefore(ALICE, at(100), 10));
    }

    @Test
    void openDueBefore_rescheduledTask_followsTheNewDueTime() {
        Task first = tasks.insert(fx.task().due(at(10)).build());
        Task second = tasks.insert(fx.task().due(at(20)).build());

        Task moved = tasks.update(rescheduled(first, at(500)));

        assertEquals(List.of(second), tasks.openDueBefore(ALICE, at(100), 10));
        assertEquals(List.of(second, moved), tasks.openDueBefore(ALICE, at(1000), 10));
    }

    @Test
    void openAbout_mixedTasks_onlyOpenOnesAboutTheRecordEarliestFirst() {
        RecordRef lead = fx.ref(RecordType.LEAD);
        Task late = tasks.insert(fx.task().about(lead).due(at(300)).build());
        Task early = tasks.insert(fx.task().about(lead).due(at(100)).assignee(BOB).build());
        Task closed = tasks.insert(fx.task().about(lead).due(at(200)).build());
        tasks.insert(fx.task().about(fx.ref(RecordType.LEAD)).due(at(50)).build());
        tasks.insert(fx.task().due(at(60)).build());
        tasks.insert(fx.task().about(new RecordRef(RecordType.CONTACT, lead.id())).due(at(70)).build());

        tasks.update(cancelled(closed, at(1)));

        assertEquals(List.of(early, late), tasks.openAbout(lead));
        assertEquals(List.of(), tasks.openAbout(fx.ref(RecordType.COMPANY)));
    }

    @Test
    void openAbout_completedTask_isRemoved() {
        RecordRef deal = fx.ref(RecordType.DEAL);
        Task task = tasks.insert(fx.task().about(deal).build());

        tasks.update(completed(task, at(1)));

        assertEquals(List.of(), tasks.openAbout(deal));
    }

    @Test
    void openAbout_manyOpenTasks_returnsEveryOne() {
        RecordRef busy = fx.ref(RecordType.CONTACT);
        List<Task> stored = insertShuffled(1_001, i -> fx.task().about(busy).due(at(i)).build());

        List<Task> open = tasks.openAbout(busy);

        assertEquals(stored.size(), open.size(), "every open task, however many");
        assertEquals(stored, open);
    }

    @Test
    void openWithReminderBefore_mixedTasks_onlyOpenOnesWithReminderStrictlyBeforeEarliestFirst() {
        Task bobs = tasks.insert(fx.task().assignee(BOB).remindAt(at(20)).due(at(25)).build());
        Task alices = tasks.insert(fx.task().remindAt(at(10)).due(at(500)).build());
        Task later = tasks.insert(fx.task().remindAt(at(40)).due(at(45)).build());
        tasks.insert(fx.task().due(at(5)).build());
        tasks.insert(fx.task().remindAt(at(50)).due(at(60)).build());
        Task closed = tasks.insert(fx.task().remindAt(at(15)).due(at(30)).build());
        tasks.update(cancelled(closed, at(16)));

        assertEquals(List.of(alices, bobs, later), tasks.openWithReminderBefore(at(50), 10),
                "a reminder exactly then is excluded");
        assertEquals(List.of(alices, bobs), tasks.openWithReminderBefore(at(50), 2));
        assertEquals(List.of(), tasks.openWithReminderBefore(at(10), 10));
    }

    @Test
    void openDueBefore_sameDueTime_ordersByInsertionNotById() {
        List<Task> stored = new ArrayList<>();
        for (UUID id : fx.idsDescending(6)) {
            stored.add(tasks.insert(fx.task().id(new TaskId(id)).due(at(100)).build()));
        }

        assertEquals(stored, tasks.openDueBefore(ALICE, at(101), 100));
        assertEquals(stored.subList(0, 4), tasks.openDueBefore(ALICE, at(101), 4));
    }

    @Test
    void openWithReminderBefore_sameReminderTime_ordersByInsertionNotById() {
        List<Task> stored = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stored.add(tasks.insert(fx.task().remindAt(at(100)).due(at(106 - i)).build()));
        }
        List<Task> byId = stored.stream().sorted(Comparator.comparing((Task t) -> t.id().value().toString())).toList();
        assertNotEquals(byId, stored, "the seeded ids are not in insertion order");

        assertEquals(stored, tasks.openWithReminderBefore(at(101), 100));
    }

    @Test
    void openWithReminderBefore_completedOrRescheduled_followsTheChange() {
        Task done = tasks.insert(fx.task().remindAt(at(10)).due(at(20)).build());
        Task moved = tasks.insert(fx.task().remindAt(at(30)).due(at(40)).build());

        tasks.update(completed(done, at(11)));
        Task rescheduled = tasks.update(rescheduled(moved, at(1040)));

        assertEquals(List.of(), tasks.openWithReminderBefore(at(100), 10));
        assertEquals(List.of(rescheduled), tasks.openWithReminderBefore(at(1031), 10));
        assertEquals(Optional.of(at(1030)), rescheduled.remindAt());
    }

    /** Inserts tasks in shuffled order and returns them earliest due first, then in insertion order. */
    private List<Task> insertShuffled(int n, IntFunction<Task> make) {
        List<Task> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            candidates.add(make.apply(i));
        }
        Collections.shuffle(candidates, new Random(n));
        List<Task> stored = candidates.stream().map(tasks::insert).collect(Collectors.toList());
        stored.sort(earliestDueFirst());
        return stored;
    }

    private static Comparator<Task> earliestDueFirst() {
        return Fixtures.byTime(Task::due);
    }
}
