package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The timeline in memory: activities indexed by every record they belong to, by time of occurrence. Thread-safe. */
final class InMemoryActivities implements Activities {

    static final String ABOUT = "about";

    private final Table<ActivityId, Activity> table;

    InMemoryActivities(InMemoryTransactions tx) {
        this.table = new Table<ActivityId, Activity>("activity", tx, Activity::id, a -> 0L, (a, v) -> a,
                InMemoryActivities::occurrence)
                .group(ABOUT, Activity::about, InMemoryActivities::occurrence); // unmodifiable already: no copy
    }

    private static Instant occurrence(Activity a) {
        return a.occurredAt();
    }

    @Override
    public void append(Activity activity) {
        table.insert(Objects.requireNonNull(activity, "activity"));
    }

    @Override
    public Optional<Activity> findById(ActivityId id) {
        return table.get(id);
    }

    @Override
    public Page<Activity> timeline(RecordRef record, TimelineFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        return table.page(ABOUT, Objects.requireNonNull(record, "record"), page, true, filter::accepts);
    }

    /** The rows, for merges, which re-point them. */
    Table<ActivityId, Activity> rows() {
        return table;
    }

    /** The archive of the activity rows, keyed by id: export and restore only. */
    MemoryArchive<Activity> archive(InMemoryTransactions tx) {
        return MemoryArchive.of(tx, "activity", table, Activity::id, k -> new ActivityId(UUID.fromString(k)));
    }
}
