package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.Tasks;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Tasks in memory, open ones indexed by assignee and by related record, by due time. Thread-safe. The index by
 * assignee is built on its first read ({@link Table#lazyGroup}): that read costs one pass over every task under the
 * store's lock.
 */
final class InMemoryTasks implements Tasks {

    static final String OPEN_BY_ASSIGNEE = "openByAssignee";
    static final String OPEN_ABOUT = "openAbout";
    private static final String OPEN_REMINDERS = "openReminders";
    private static final String ALL = "all";

    private final Table<TaskId, Task> table;

    InMemoryTasks(InMemoryTransactions tx) {
        this.table = new Table<TaskId, Task>("task", tx, Task::id, Task::version, Task::atVersion,
                t -> t.createdAt())
                // read by an assignee's due list (openDueBefore, the agenda) and the visible-records due list: built
                // on its first read, O(n) in the tasks under the store's lock (Table.lazyGroup); a capture's
                // follow-up task asks only whether its lead has an open task already
                .lazyGroup(OPEN_BY_ASSIGNEE, t -> t.isOpen() ? List.of(t.assignee()) : List.of(), InMemoryTasks::due)
                .group(OPEN_ABOUT, t -> t.isOpen() ? t.relatedTo().stream().toList() : List.of(), InMemoryTasks::due)
                .group(OPEN_REMINDERS, t -> t.isOpen() && t.remindAt().isPresent() ? List.of(ALL) : List.of(),
                        t -> t.remindAt().orElse(t.due()));
    }

    private static Instant due(Task t) {
        return t.due();
    }

    @Override
    public Task insert(Task task) {
        return table.insert(Objects.requireNonNull(task, "task"));
    }

    @Override
    public Task update(Task task) {
        return table.update(Objects.requireNonNull(task, "task"));
    }

    @Override
    public Optional<Task> findById(TaskId id) {
        return table.get(id);
    }

    /** Units of work run one at a time here, so the running one already holds every task. */
    @Override
    public Optional<Task> lockById(TaskId id) {
        return findById(id);
    }

    @Override
    public List<Task> openDueBefore(UserId assignee, Instant before, int limit) {
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(before, "before");
        return table.before(OPEN_BY_ASSIGNEE, assignee, OrderKey.before(before), limit);
    }

    @Override
    public List<Task> openWithReminderBefore(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        return table.before(OPEN_REMINDERS, ALL, OrderKey.before(before), limit);
    }

    @Override
    public List<Task> openAbout(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return table.all(OPEN_ABOUT, record);
    }

    /** The rows, for merges, which re-point them. */
    Table<TaskId, Task> rows() {
        return table;
    }

    /** The archive of the task rows, keyed by id: export and restore only. */
    MemoryArchive<Task> archive(InMemoryTransactions tx) {
        return MemoryArchive.of(tx, "task", table, Task::id, k -> new TaskId(UUID.fromString(k)));
    }
}
