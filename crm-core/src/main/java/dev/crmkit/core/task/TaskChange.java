package dev.crmkit.core.task;

/** The outcome of a change to a task: changed, or refused with the rule that refused. */
public sealed interface TaskChange {

    /**
     * The task changed.
     *
     * @param task  the task after the change
     * @param event the event that says so
     */
    record Changed(Task task, TaskEvent event) implements TaskChange {
    }

    /**
     * The change was refused; nothing changed.
     *
     * @param taskId the task
     * @param rule   the rule that refused ({@code open-only}, {@code not-found})
     * @param reason a sentence for a person
     */
    record Refused(TaskId taskId, String rule, String reason) implements TaskChange {
    }
}
