package dev.crmkit.core.task;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.UserId;

import java.time.Instant;
import java.util.Optional;

/** What happens to tasks. */
public sealed interface TaskEvent extends DomainEvent {

    /** The task. */
    TaskId taskId();

    /** Its assignee. */
    UserId assignee();

    @Override
    default String aggregateId() {
        return taskId().toString();
    }

    /**
     * A task was created.
     *
     * @param taskId     the task
     * @param assignee   who does it
     * @param due        by when
     * @param relatedTo  the record it is about, if any
     * @param occurredAt when
     */
    record TaskCreated(TaskId taskId, UserId assignee, Instant due, Optional<RecordRef> relatedTo, Instant occurredAt)
            implements TaskEvent {
    }

    /**
     * A task was done.
     *
     * @param taskId     the task
     * @param assignee   who did it
     * @param occurredAt when
     */
    record TaskCompleted(TaskId taskId, UserId assignee, Instant occurredAt) implements TaskEvent {
    }

    /**
     * A task was cancelled.
     *
     * @param taskId     the task
     * @param assignee   its assignee
     * @param occurredAt when
     */
    record TaskCancelled(TaskId taskId, UserId assignee, Instant occurredAt) implements TaskEvent {
    }

    /**
     * A task was given another due time.
     *
     * @param taskId     the task
     * @param assignee   its assignee
     * @param from       the old due time
     * @param to         the new due time
     * @param occurredAt when
     */
    record TaskRescheduled(TaskId taskId, UserId assignee, Instant from, Instant to, Instant occurredAt)
            implements TaskEvent {
    }
}
