package dev.crmkit.service.commitment;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.TaskId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A promise made to a customer ("a free extra filter at the visit in 18 months", "a call in a year"), recorded against
 * the customer rather than the manager who made it, so it survives a change of manager, an ownership transfer and an
 * import. Lifecycle: open until it falls due, then handed over as a task to whoever owns the customer at that time;
 * it is handed over once. Immutable and thread-safe; changes return a copy.
 *
 * @param id         its id
 * @param version    its optimistic-locking version, 1 when first stored
 * @param customer   the customer it was made to
 * @param promise    what was promised
 * @param due        the day it must be kept
 * @param recordedBy who made it (kept for the record, not for the task)
 * @param recordedAt when it was recorded
 * @param task       the task it became, once due
 */
public record Commitment(CommitmentId id, long version, ContactId customer, String promise, LocalDate due,
                         UserId recordedBy, Instant recordedAt, Optional<TaskId> task) {

    /** Checks every part is present. */
    public Commitment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(task, "task");
    }

    /** Whether it still waits to be handed over as a task. */
    public boolean open() {
        return task.isEmpty();
    }

    /** A copy handed over as this task. */
    public Commitment handedOverAs(TaskId taskId) {
        return new Commitment(id, version, customer, promise, due, recordedBy, recordedAt,
                Optional.of(Objects.requireNonNull(taskId, "taskId")));
    }

    /**
     * The same record for another customer, nothing else changed (not even its version): a merge of contacts
     * re-points the records of a merged-away contact to the survivor with it; for stores only.
     */
    public Commitment withCustomerRef(ContactId newCustomer) {
        return new Commitment(id, version, newCustomer, promise, due, recordedBy, recordedAt, task);
    }

    /** A copy at another version, for stores. */
    public Commitment atVersion(long newVersion) {
        return new Commitment(id, newVersion, customer, promise, due, recordedBy, recordedAt, task);
    }
}
