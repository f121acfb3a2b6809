package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.RecordRef;

import java.time.Instant;
import java.util.Set;

/** What happens on the timeline. */
public sealed interface ActivityEvent extends DomainEvent {

    /**
     * An activity was added to the timeline.
     *
     * @param activityId the activity
     * @param type       its type
     * @param about      the records it belongs to
     * @param occurredAt when it was recorded
     */
    record ActivityLogged(ActivityId activityId, ActivityType type, Set<RecordRef> about, Instant occurredAt)
            implements ActivityEvent {
        /** Copies the set, keeping its order. */
        public ActivityLogged {
            about = AboutRecords.copyOf(about);
        }

        @Override
        public String aggregateId() {
            return activityId.toString();
        }
    }
}
