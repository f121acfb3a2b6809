package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;

import java.time.Instant;
import java.util.Objects;

/**
 * The timeline use case: record interactions and read the timeline of a contact, company, lead or deal. Thread-safe.
 */
public final class Timeline {

    private final Activities activities;
    private final Context context;

    /** Wires the use case; {@link dev.crmkit.core.Crm} does this for you. */
    public Timeline(Activities activities, Context context) {
        this.activities = Objects.requireNonNull(activities, "activities");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Adds an entry to the timeline and publishes {@link ActivityEvent.ActivityLogged}.
     *
     * @throws dev.crmkit.core.kernel.ValidationException listing every broken rule; nothing is stored then
     */
    public Activity log(LogActivity command) {
        context.validation().check(command);
        Instant now = context.clock().instant();
        Activity activity = new Activity(new ActivityId(context.ids().next()), command.type(),
                command.subject().strip(),
                command.body(), command.direction(), command.occurredAt().orElse(now), command.participants(),
                command.about(), command.owner(), command.visibility(), now, command.outcome(), command.duration());
        return context.transactions().inTransaction(() -> record(activity));
    }

    /** Appends an activity built elsewhere in crmkit and publishes its event; joins the caller's unit of work. */
    public Activity record(Activity activity) {
        activities.appendAndPublish(activity, announce(activity), context.events());
        return activity;
    }

    /**
     * {@link #record}, for an entry whose id was just generated and that ends its operation (a deal move's, an
     * assignment's): the store may send it with the unit's next statement or its commit
     * ({@link Activities#appendAndPublishLast}), so a failure may be thrown later in the unit and then rolls the whole
     * unit back. Do not use it for an entry whose failure the caller catches to go on.
     */
    public Activity recordLast(Activity activity) {
        activities.appendAndPublishLast(activity, announce(activity), context.events());
        return activity;
    }

    private static ActivityEvent.ActivityLogged announce(Activity activity) {
        return new ActivityEvent.ActivityLogged(activity.id(), activity.type(), activity.about(),
                activity.recordedAt());
    }

    /** The timeline of a record, newest first, filtered and paged. */
    public Page<Activity> of(RecordRef record, TimelineFilter filter, PageRequest page) {
        return activities.timeline(record, filter, page);
    }

    /** The entry with this id, whoever may see it (for crmkit's own use cases: a replay reads the entry it wrote). */
    public java.util.Optional<Activity> find(ActivityId id) {
        return activities.findById(Objects.requireNonNull(id, "id"));
    }
}
