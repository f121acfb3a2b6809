package dev.crmkit.core.task;

import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.idempotency.IdempotencyKeys;
import dev.crmkit.core.idempotency.OnceOnly;
import dev.crmkit.core.idempotency.OutcomeText;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.UserId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/** The task use case: create, complete, reschedule and cancel tasks, and show an assignee's agenda. Thread-safe. */
public final class TaskPlanner {

    /** The most tasks one agenda shows; an assignee with more open tasks this week sees the earliest. */
    public static final int AGENDA_LIMIT = 1000;

    private final Tasks tasks;
    private final Context context;
    private final IdempotencyKeys keys;

    /** Wires the use case without idempotency keys (keyed creation then fails); prefer the constructor with keys. */
    public TaskPlanner(Tasks tasks, Context context) {
        this(tasks, context, IdempotencyKeys.unsupported());
    }

    /** Wires the use case; {@link dev.crmkit.core.Crm} does this for you. */
    public TaskPlanner(Tasks tasks, Context context, IdempotencyKeys keys) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.context = Objects.requireNonNull(context, "context");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Creates a task at most once per key: a retry with the same key (also after a commit whose outcome is unknown)
     * returns the task the first call created, as it is stored now, instead of creating another.
     *
     * @throws dev.crmkit.core.kernel.ValidationException listing every broken rule; nothing is stored then
     * @throws IllegalArgumentException                  if the key was used for another command
     */
    public Task create(NewTask command, IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        context.validation().check(command);
        return new OnceOnly(keys, context.transactions(), context.clock()).run(key, "task.create",
                () -> create(command), task -> Optional.of(OutcomeText.of("task", task.id().value()).text()),
                text -> {
                    TaskId id = new TaskId(OutcomeText.parse(text).id(0));
                    return OutcomeText.stored(tasks.findById(id), "task", id);
                });
    }

    /**
     * Creates an open task and publishes {@link TaskEvent.TaskCreated}; joins the caller's unit of work.
     *
     * @throws dev.crmkit.core.kernel.ValidationException listing every broken rule; nothing is stored then
     */
    public Task create(NewTask command) {
        context.validation().check(command);
        Instant now = context.clock().instant();
        Task task = Task.open(new TaskId(context.ids().next()), command.title(), command.due(), command.remindAt(),
                command.assignee(), command.relatedTo(), now);
        return context.transactions().inTransaction(() -> {
            Task stored = tasks.insert(task);
            context.events().publish(new TaskEvent.TaskCreated(stored.id(), stored.assignee(), stored.due(),
                    stored.relatedTo(), now));
            return stored;
        });
    }

    /** Marks a task done. */
    public TaskChange complete(TaskId id) {
        return change(id, (task, now) -> task.complete(now));
    }

    /** Cancels a task. */
    public TaskChange cancel(TaskId id) {
        return change(id, (task, now) -> task.cancel(now));
    }

    /** Gives a task another due time. */
    public TaskChange reschedule(TaskId id, Instant newDue) {
        Objects.requireNonNull(newDue, "newDue");
        return change(id, (task, now) -> task.reschedule(newDue, now));
    }

    private TaskChange change(TaskId id, BiFunction<Task, Instant, TaskChange> operation) {
        Objects.requireNonNull(id, "id");
        return context.transactions().inTransaction(() -> {
            Task task = tasks.findById(id).orElse(null);
            if (task == null) {
                return new TaskChange.Refused(id, "not-found", "there is no task " + id);
            }
            TaskChange change = operation.apply(task, context.clock().instant());
            if (change instanceof TaskChange.Changed changed) {
                Task stored = tasks.update(changed.task());
                context.events().publish(changed.event());
                return new TaskChange.Changed(stored, changed.event());
            }
            return change;
        });
    }

    /** The open tasks about a record, earliest due first. */
    public List<Task> openAbout(RecordRef record) {
        return tasks.openAbout(Objects.requireNonNull(record, "record"));
    }

    /**
     * The open tasks whose reminder is due now, earliest first, at most {@code limit}: for the host's notifier, which
     * should clear or move a reminder (by rescheduling) once it has been sent.
     */
    public List<Task> remindersDue(int limit) {
        return tasks.openWithReminderBefore(context.clock().instant().plusNanos(1), limit);
    }

    /** The assignee's agenda now, in the given time zone. */
    public Agenda agenda(UserId assignee, ZoneId zone) {
        Instant now = context.clock().instant();
        return Agenda.of(tasks.openDueBefore(assignee, Agenda.endOfWeek(now, zone), AGENDA_LIMIT), now, zone);
    }

    /** The assignee's agenda now, in the clock's time zone. */
    public Agenda agenda(UserId assignee) {
        return agenda(assignee, context.clock().getZone());
    }
}
