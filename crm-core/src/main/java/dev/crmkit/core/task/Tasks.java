package dev.crmkit.core.task;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The storage port for tasks. */
public interface Tasks {

    /**
     * Stores a new task.
     *
     * @return the task at version 1
     * @throws IllegalArgumentException if its version is not 0 or its id is taken
     */
    Task insert(Task task);

    /**
     * Stores a change of a task read at {@code task.version()}.
     *
     * @return the task at its new version
     * @throws dev.crmkit.core.kernel.StaleVersionException if the stored version is another one
     * @throws java.util.NoSuchElementException             if no such task is stored
     */
    Task update(Task task);

    /** The task with this id. */
    Optional<Task> findById(TaskId id);

    /**
     * The task with this id, held for the running unit of work: another unit of work that locks or changes the same
     * task waits until this one ends. A change made through an actor's view decides and changes under this lock. A
     * store whose units of work run one at a time already holds everything; outside a unit of work it is a plain read.
     */
    Optional<Task> lockById(TaskId id);

    /**
     * The assignee's open tasks due before a time, earliest due first (then by id). Bounded by {@code limit}.
     */
    List<Task> openDueBefore(UserId assignee, Instant before, int limit);

    /** The open tasks about a record, earliest due first. */
    List<Task> openAbout(RecordRef record);

    /**
     * Open tasks of every assignee whose reminder time is before the given time, earliest reminder first (then by
     * id), at most {@code limit}: what a host's notifier job sends out.
     */
    List<Task> openWithReminderBefore(Instant before, int limit);
}
