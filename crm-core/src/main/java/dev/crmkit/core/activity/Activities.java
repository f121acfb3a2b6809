package dev.crmkit.core.activity;

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

    /** The activity with this id. */
    Optional<Activity> findById(ActivityId id);

    /**
     * The timeline of one record: its activities that pass the filter, newest first (by time of occurrence, then by
     * id, descending), keyset-paged so a page deep into a long timeline costs what the first does.
     */
    Page<Activity> timeline(RecordRef record, TimelineFilter filter, PageRequest page);
}
