package dev.crmkit.kit.migration;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.TaskStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * A task row: title, due time, assignee (default: the migration's user), status (default open), the record it is
 * about (its deal, else its contact, else its company), creation time; a closed task was closed at its
 * {@code closedAt}, or when it was due if the source has no such column.
 */
final class TaskWriter implements RecordWriter {

    @Override
    public Optional<Landing> write(Row row, Run run) {
        String title = row.required("title");
        Optional<Instant> due = row.instant("due");
        if (due.isEmpty() && row.problems.stream().noneMatch(p -> p.field().equals("due"))) {
            row.required("due");
        }
        UserId assignee = row.parsed("assignee", UserId::of).orElse(run.mapping().actor());
        TaskStatus status = row.choice("status", TaskStatus.class).orElse(TaskStatus.OPEN);
        Optional<Instant> closed = row.instant("closedAt");
        Instant created = row.instant("createdAt").orElseGet(run::now);
        Optional<RecordRef> about = ref(row, SourceType.DEAL, RecordType.DEAL)
                .or(() -> ref(row, SourceType.CONTACT, RecordType.CONTACT))
                .or(() -> ref(row, SourceType.COMPANY, RecordType.COMPANY));
        if (!row.ok()) {
            return Optional.empty();
        }
        Optional<Instant> closedAt = status == TaskStatus.OPEN ? Optional.empty() : closed.or(() -> due);
        Task task = new Task(new TaskId(run.ids().next()), 0, title, due.get(), Optional.empty(), assignee, about,
                status, closedAt, created);
        Task stored = run.store().tasks().insert(task);
        return Optional.of(Landing.created(stored.id().value()));
    }

    private static Optional<RecordRef> ref(Row row, SourceType source, RecordType type) {
        return row.reference(source.code(), source).map(id -> new RecordRef(type, id));
    }
}
