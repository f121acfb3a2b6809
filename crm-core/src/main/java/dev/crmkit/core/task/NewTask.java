package dev.crmkit.core.task;

import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command to create a task, validated at the edge.
 *
 * @param title     what to do
 * @param due       by when
 * @param remindAt  when to remind, if at all; not after {@code due}
 * @param assignee  who does it
 * @param relatedTo the record it is about, if any
 */
public record NewTask(@NotBlank @Size(max = Task.MAX_TITLE_LENGTH) String title,
                      @NotNull Instant due,
                      @NotNull Optional<Instant> remindAt,
                      @NotNull UserId assignee,
                      @NotNull Optional<RecordRef> relatedTo) implements SelfChecking, StoreLimits.Bounded {

    /** The store limits ({@link StoreLimits}): the title, the due and reminder times, the assignee's id. */
    @Override
    public List<Violation> storeLimitViolations() {
        List<Violation> out = new ArrayList<>();
        out.addAll(StoreLimits.text("title", title, StoreLimits.SUBJECT));
        out.addAll(StoreLimits.time("due", due));
        if (remindAt != null) {
            remindAt.ifPresent(t -> out.addAll(StoreLimits.time("remindAt", t)));
        }
        out.addAll(StoreLimits.user("assignee", Optional.ofNullable(assignee)));
        return out;
    }

    /** A task with no reminder. */
    public static NewTask of(String title, Instant due, UserId assignee, Optional<RecordRef> relatedTo) {
        return new NewTask(title, due, Optional.empty(), assignee, relatedTo);
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notBlank("title", title).maxLength("title", title, Task.MAX_TITLE_LENGTH);
        c.notNull("due", due).notNull("remindAt", remindAt).notNull("assignee", assignee);
        c.notNull("relatedTo", relatedTo);
        return c.violations();
    }
}
