package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;

import java.util.Optional;

/** The append-only storage port of the timeline. */
public interface Activities {

    /**
     * Stores a new activity.
     *
     * @throws IllegalArgumentException if its id is already stored
     */
    void append(Activity activity);

    /**
     * Stores a new activity, then publishes the event that announces it: {@code append(activity)}, then
     * {@code events.publish(announced)}, so the event is published only when the activity was stored. A store may
     * write both at once: the JDBC store on PostgreSQL, given its own publisher inside a unit of work, inserts the
     * activity and the unit's events for the outbox (this one included) in one statement. A failure is thrown by this
     * call, and a caller may catch it and go on with its unit of work.
     *
     * @param activity  the activity to store
     * @param announced the event that announces it
     * @param events    where to publish the event
     * @throws IllegalArgumentException if its id is already stored; the event is not published then
     */
    default void appendAndPublish(Activity activity, DomainEvent announced, DomainEvents events) {
        append(activity);
        events.publish(announced);
    }

    /**
     * {@link #appendAndPublish}, for an activity whose id was just generated and whose failure no caller catches to go
     * on with its unit of work (crmkit's own system entries, such as a deal move's or an assignment's): the store may
     * send the write later, with the unit's next statement or its commit. The JDBC store on PostgreSQL does so in a unit
     * of work that owns its transaction, saving a round trip when the entry is the unit's last write; a failure is then
     * thrown by the unit's next call that reaches the database (or its commit), and the whole unit rolls back with its
     * events undelivered. By default the same as {@link #appendAndPublish}.
     *
     * @param activity  the activity to store
     * @param announced the event that announces it
     * @param events    where to publish the event
     * @throws IllegalArgumentException if its id is already stored (from a later call of the unit, or its commit, when
     *                                  the store deferred the write)
     */
    default void appendAndPublishLast(Activity activity, DomainEvent announced, DomainEvents events) {
        appendAndPublish(activity, announced, events);
    }

    /** The activity with this id. */
    Optional<Activity> findById(ActivityId id);

    /**
     * The timeline of one record: its activities that pass the filter, newest first (by time of occurrence, then by
     * id, descending), keyset-paged so a page deep into a long timeline costs what the first does.
     */
    Page<Activity> timeline(RecordRef record, TimelineFilter filter, PageRequest page);
}
