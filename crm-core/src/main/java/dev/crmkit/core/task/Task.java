package dev.crmkit.core.task;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a user has to do by a time, often about a record: "call back Jane about her quote by 10:00".
 *
 * <p><b>Lifecycle.</b> Created {@link TaskStatus#OPEN}; while open it can be rescheduled; it ends done or cancelled,
 * and then no longer changes. Each change returns a {@link TaskChange}: changed, or refused with the reason.
 *
 * <p><b>Invariants.</b> The title is not blank; a reminder, if set, is not after the due time; a closed task has the
 * time it was closed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id        the identity
 * @param version   the stored version, 0 before the first save
 * @param title     what to do
 * @param due       by when
 * @param remindAt  when to remind the assignee, if at all
 * @param assignee  who does it
 * @param relatedTo the record it is about, if any
 * @param status    open, done or cancelled
 * @param closedAt  when it was done or cancelled, present exactly when it is not open
 * @param createdAt when it was created
 */
public record Task(TaskId id, long version, String title, Instant due, Optional<Instant> remindAt, UserId assignee,
                   Optional<RecordRef> relatedTo, TaskStatus status, Optional<Instant> closedAt, Instant createdAt) {

    /** The longest title accepted. */
    public static final int MAX_TITLE_LENGTH = 500;

    /** Checks the invariants. */
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        title = title.strip();
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(remindAt, "remindAt");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(relatedTo, "relatedTo");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (title.isEmpty()) {
            throw ValidationException.of("title", "required", "a task needs a title");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw ValidationException.of("title", "max-length", "title is at most " + MAX_TITLE_LENGTH
                    + " characters, got " + title.length());
        }
        if (remindAt.isPresent() && remindAt.get().isAfter(due)) {
            throw ValidationException.of("remindAt", "not-after-due", "the reminder must not be after the due time");
        }
        if ((status == TaskStatus.OPEN) == closedAt.isPresent()) {
            throw new IllegalArgumentException("a task has a closing time exactly when it is closed");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** A new open task, not yet stored. */
    public static Task open(TaskId id, String title, Instant due, Optional<Instant> remindAt, UserId assignee,
                            Optional<RecordRef> relatedTo, Instant now) {
        return new Task(id, 0, title, due, remindAt, assignee, relatedTo, TaskStatus.OPEN, Optional.empty(), now);
    }

    /** Whether the task is still open. */
    public boolean isOpen() {
        return status == TaskStatus.OPEN;
    }

    /** Marks the task done. */
    public TaskChange complete(Instant now) {
        return close(TaskStatus.DONE, now);
    }

    /** Cancels the task. */
    public TaskChange cancel(Instant now) {
        return close(TaskStatus.CANCELLED, now);
    }

    private TaskChange close(TaskStatus to, Instant now) {
        if (!isOpen()) {
            return refusedBecauseClosed(to == TaskStatus.DONE ? "completed" : "cancelled");
        }
        Task closed = new Task(id, version, title, due, remindAt, assignee, relatedTo, to, Optional.of(now), createdAt);
        TaskEvent event = to == TaskStatus.DONE ? new TaskEvent.TaskCompleted(id, assignee, now)
                : new TaskEvent.TaskCancelled(id, assignee, now);
        return new TaskChange.Changed(closed, event);
    }

    /**
     * Moves the due time; a reminder moves by the same amount. Refused for a closed task.
     */
    public TaskChange reschedule(Instant newDue, Instant now) {
        Objects.requireNonNull(newDue, "newDue");
        if (!isOpen()) {
            return refusedBecauseClosed("rescheduled");
        }
        Optional<Instant> newRemind = remindAt.map(r -> newDue.minus(java.time.Duration.between(r, due)));
        Task moved = new Task(id, version, title, newDue, newRemind, assignee, relatedTo, status, closedAt, createdAt);
        return new TaskChange.Changed(moved, new TaskEvent.TaskRescheduled(id, assignee, due, newDue, now));
    }

    private TaskChange refusedBecauseClosed(String verb) {
        return new TaskChange.Refused(id, "open-only", "a " + status.name().toLowerCase(java.util.Locale.ROOT)
                + " task cannot be " + verb);
    }

    /** A copy at another stored version; for stores only. */
    public Task atVersion(long newVersion) {
        return new Task(id, newVersion, title, due, remindAt, assignee, relatedTo, status, closedAt, createdAt);
    }

    /**
     * The same task about another record, nothing else changed: a merge re-points a merged-away contact's tasks to the
     * survivor with it; for stores only.
     */
    public Task aboutRecord(RecordRef record) {
        return new Task(id, version, title, due, remindAt, assignee, Optional.of(record), status, closedAt, createdAt);
    }
}
