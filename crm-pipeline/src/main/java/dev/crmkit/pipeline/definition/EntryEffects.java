package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.UserId;

import java.time.Instant;

/** What an {@link EntryAction} may do, inside the unit of work of the move. */
public interface EntryEffects {

    /** Creates a task about the deal for a user, due at a time. */
    void createTask(String title, Instant due, UserId assignee);

    /** Overrides the deal's probability (0 to 100); the override stays until cleared. */
    void setProbability(int percent);

    /** Publishes an event after the move commits. */
    void publish(DomainEvent event);
}
