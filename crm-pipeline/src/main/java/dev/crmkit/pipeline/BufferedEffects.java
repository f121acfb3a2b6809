package dev.crmkit.pipeline;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.pipeline.definition.EntryEffects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The effects entry actions ask for, held until the move is stored. Not thread-safe: one per move. */
final class BufferedEffects implements EntryEffects {

    /** A task to create. */
    record PlannedTask(String title, Instant due, UserId assignee) {
    }

    private final List<PlannedTask> tasks = new ArrayList<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private Integer probability;

    @Override
    public void createTask(String title, Instant due, UserId assignee) {
        tasks.add(new PlannedTask(Objects.requireNonNull(title, "title"), Objects.requireNonNull(due, "due"),
                Objects.requireNonNull(assignee, "assignee")));
    }

    @Override
    public void setProbability(int percent) {
        if (percent < 0 || percent > 100) {
            throw ValidationException.of("probability", "range", "a probability is 0 to 100, got " + percent);
        }
        probability = percent;
    }

    @Override
    public void publish(DomainEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    List<PlannedTask> tasks() {
        return tasks;
    }

    List<DomainEvent> events() {
        return events;
    }

    Optional<Integer> probability() {
        return Optional.ofNullable(probability);
    }
}
