package dev.crmkit.core.assignment;

import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A thread-safe in-memory {@link Activities} for crm-core's scoring and assignment tests; cursors are ids. */
public final class ListActivities implements Activities {

    private static final Comparator<Activity> NEWEST_FIRST = Comparator.comparing(Activity::occurredAt)
            .thenComparing(a -> a.id().toString()).reversed();

    private final Map<ActivityId, Activity> byId = new ConcurrentHashMap<>();
    private final Queue<Activity> activities = new ConcurrentLinkedQueue<>();

    @Override
    public void append(Activity activity) {
        if (byId.putIfAbsent(activity.id(), activity) != null) {
            throw new IllegalArgumentException("activity " + activity.id() + " is already stored");
        }
        activities.add(activity);
    }

    @Override
    public Optional<Activity> findById(ActivityId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Page<Activity> timeline(RecordRef record, TimelineFilter filter, PageRequest page) {
        List<Activity> all = new ArrayList<>(activities.stream()
                .filter(a -> a.about().contains(record) && filter.accepts(a)).toList());
        all.sort(NEWEST_FIRST);
        int from = 0;
        if (page.after().isPresent()) {
            String cursor = page.after().get();
            while (from < all.size() && !all.get(from).id().toString().equals(cursor)) {
                from++;
            }
            from++;
        }
        from = Math.min(from, all.size());
        int to = Math.min(all.size(), from + page.size());
        List<Activity> items = all.subList(from, to);
        return new Page<>(items, to < all.size() ? Optional.of(items.get(items.size() - 1).id().toString())
                : Optional.empty());
    }

    /** Every activity stored, in the order appended. */
    public List<Activity> all() {
        return List.copyOf(activities);
    }
}
